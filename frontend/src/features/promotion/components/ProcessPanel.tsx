import { Alert, Card, Col, Empty, Flex, Row, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BpmnDiagram } from '@/components/bpmn/BpmnDiagram';
import { formatDateTime } from '@/lib/dates';
import { useRoundProcess } from '../hooks/usePromotion';

/** The diagram with where the round (or one candidate) stands, and the timeline of who did what when. */
export function ProcessPanel({ roundKey, applicantId }: { roundKey: string; applicantId?: string }) {
  const { t } = useTranslation();
  const view = useRoundProcess(roundKey, applicantId);
  if (view.isPending) return <Spin />;
  if (view.isError) return <Alert type="info" showIcon title={view.error.message} />;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('promotion.process.diagram')}>
          <Flex gap={8} style={{ marginBottom: 8 }}>
            <Tag color="green">{t('diagram.active')}</Tag>
            <Tag>{t('diagram.completed')}</Tag>
          </Flex>
          <BpmnDiagram
            xml={view.data.xml}
            activeIds={view.data.activeActivityIds}
            completedIds={view.data.completedActivityIds}
            height={360}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('promotion.process.timeline')}>
          {view.data.timeline.length === 0 ? (
            <Empty />
          ) : (
            <Timeline
              data-testid="promotion-timeline"
              items={view.data.timeline.map((step, i) => ({
                key: `${step.time}-${i}`,
                color: step.endTime ? 'green' : 'blue',
                title: formatDateTime(step.time),
                content: (
                  <Typography.Text>
                    {step.activityName}
                    {step.assignee && <Typography.Text type="secondary"> · {step.assignee}</Typography.Text>}
                    {!step.endTime && <Tag style={{ marginLeft: 4 }}>{t('promotion.process.open')}</Tag>}
                  </Typography.Text>
                ),
              }))}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
