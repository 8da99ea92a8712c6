import { Alert, Card, Col, Empty, Flex, Row, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BpmnDiagram } from '@/components/bpmn/BpmnDiagram';
import { formatDateTime } from '@/lib/dates';
import type { ProcessStep } from '../api/promotion';
import { useRoundProcess } from '../hooks/usePromotion';

/** The diagram with where the round (or one candidate) stands, and the timeline of who did what when. */
export function ProcessPanel({ roundKey, applicantId }: { roundKey: string; applicantId?: string }) {
  const view = useRoundProcess(roundKey, applicantId);
  if (view.isPending) return <Spin />;
  if (view.isError) return <Alert type="info" showIcon title={view.error.message} />;
  return <DiagramAndTimeline {...view.data} />;
}

interface DiagramAndTimelineProps {
  xml: string;
  activeActivityIds: string[];
  completedActivityIds: string[];
  timeline: ProcessStep[];
}

/** Where a promotion or commendation process stands: active steps in the diagram, and each step with its time and actor. */
export function DiagramAndTimeline({ xml, activeActivityIds, completedActivityIds, timeline }: DiagramAndTimelineProps) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('promotion.process.diagram')}>
          <Flex gap={8} style={{ marginBottom: 8 }}>
            <Tag color="green">{t('diagram.active')}</Tag>
            <Tag>{t('diagram.completed')}</Tag>
          </Flex>
          <BpmnDiagram xml={xml} activeIds={activeActivityIds} completedIds={completedActivityIds} height={360} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('promotion.process.timeline')}>
          {timeline.length === 0 ? (
            <Empty />
          ) : (
            <Timeline
              data-testid="promotion-timeline"
              items={timeline.map((step, i) => ({
                key: `${step.time}-${i}`,
                color: step.endTime ? 'green' : 'blue',
                title: formatDateTime(step.time),
                content: (
                  <Typography.Text>
                    {step.activityName}
                    {step.assignee && (
                      <Typography.Text type="secondary"> · {step.assigneeName ?? step.assignee}</Typography.Text>
                    )}
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
