import { Alert, Flex, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { BpmnDiagram } from '@/components/bpmn/BpmnDiagram';
import { DefinitionLink } from '@/components/bpmn/DefinitionLink';
import { useTaskDiagram } from '../hooks/useTaskQueries';

export function TaskDiagramTab({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const diagram = useTaskDiagram(taskId);
  if (diagram.isPending) return <Spin />;
  if (diagram.isError) return <Alert type="error" showIcon title={diagram.error.message} />;
  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Tag color="green">{t('diagram.active')}</Tag>
        <Tag>{t('diagram.completed')}</Tag>
        <span style={{ marginLeft: 'auto' }}>
          <DefinitionLink definitionKey={diagram.data.definitionKey} version={diagram.data.definitionVersion} />
        </span>
      </Flex>
      <BpmnDiagram
        xml={diagram.data.xml}
        activeIds={diagram.data.activeActivityIds}
        completedIds={diagram.data.completedActivityIds}
      />
    </>
  );
}
