import { Alert, Flex, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { BpmnDiagram } from '@/components/bpmn/BpmnDiagram';
import { useTaskDiagram } from '../hooks/useTaskQueries';

export function TaskDiagramTab({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const diagram = useTaskDiagram(taskId);
  if (diagram.isPending) return <Spin />;
  if (diagram.isError) return <Alert type="error" showIcon title={diagram.error.message} />;
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 8 }}>
        <Tag color="green">{t('diagram.active')}</Tag>
        <Tag>{t('diagram.completed')}</Tag>
      </Flex>
      <BpmnDiagram
        xml={diagram.data.xml}
        activeIds={diagram.data.activeActivityIds}
        completedIds={diagram.data.completedActivityIds}
      />
    </>
  );
}
