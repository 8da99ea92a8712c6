import { Alert, App, Button, Card, Col, Descriptions, Input, Modal, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { isApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/dates';
import type { CommendationRecord } from '../api/promotion';
import { useCommendation, useCommendationObjection } from '../hooks/usePromotion';
import { CommendationStatus } from './CommendationStatus';
import { DiagramAndTimeline } from './ProcessPanel';

/** One nomination: what it is, what the user can do now, the promotion bonus it feeds, the diagram and timeline. */
export function CommendationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const record = useCommendation(id);
  if (record.isPending) return <Spin />;
  if (record.isError) return <Alert type="error" showIcon title={record.error.message} />;
  const c = record.data;
  return (
    <>
      <PageHeader
        title={c.nomineeName ?? id}
        subTitle={c.nomineeType ? t(`promotion.commendation.type.${c.nomineeType}`, { defaultValue: c.nomineeType }) : undefined}
        tags={<CommendationStatus c={c} />}
        onBack={() => navigate('/promotion/commendations')}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('promotion.commendation.facts')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('promotion.commendation.nominee')}>
                  {c.nomineeName}
                  {c.nomineeId && `（${c.nomineeId}）`}
                </Descriptions.Item>
                <Descriptions.Item label={t('promotion.commendation.achievements')}>{c.achievements ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('promotion.commendation.nominatedBy')}>
                  {c.startedBy ?? '—'} · {formatDateTime(c.startedAt)}
                </Descriptions.Item>
                {c.screeningViolations && (
                  <Descriptions.Item label={t('promotion.commendation.screening')}>
                    {c.screeningViolations
                      .split(',')
                      .map((r) => t(`promotion.commendation.reason.${r}`, { defaultValue: r }))
                      .join('；')}
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('promotion.commendation.score')}>{c.commendationScore ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('promotion.board.publicityEnd')}>{formatDateTime(c.publicityEndAt)}</Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <NowCard c={c} />
            <BonusCard c={c} />
          </Col>
        </Row>
        <DiagramAndTimeline {...c} />
      </Space>
    </>
  );
}

/** What the current user can do now: their open tasks here, and recording an objection during the notice. */
function NowCard({ c }: { c: CommendationRecord }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const objection = useCommendationObjection(c.processInstanceId);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const nothing = c.myTasks.length === 0 && !c.canObject;
  return (
    <Card size="small" title={t('promotion.commendation.now')} data-testid="commendation-now">
      {nothing && <Typography.Text type="secondary">{t('promotion.commendation.nothingToDo')}</Typography.Text>}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {c.myTasks.map((task) => (
          <Link key={task.id} to={`/tasks/${task.id}`} data-testid={`commendation-task-${task.activityId}`}>
            <Button block type="primary">{task.name}</Button>
          </Link>
        ))}
        {c.canObject && (
          <Button block onClick={() => setOpen(true)} data-testid="commendation-objection">
            {t('promotion.board.fileObjection')}
          </Button>
        )}
      </Space>
      <Modal
        open={open}
        title={t('promotion.board.fileObjection')}
        onCancel={() => setOpen(false)}
        confirmLoading={objection.isPending}
        onOk={async () => {
          try {
            await objection.mutateAsync(text);
            void message.success(t('promotion.board.objectionFiled'));
            setOpen(false);
            setText('');
          } catch (e) {
            void message.error(isApiError(e) ? e.message : t('errors.unexpected'));
          }
        }}
      >
        <Input.TextArea rows={4} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
    </Card>
  );
}

/** For a grid worker: the bonus this commendation adds to promotion scores, as written to the HR record. */
function BonusCard({ c }: { c: CommendationRecord }) {
  const { t } = useTranslation();
  if (c.nomineeType !== 'GRID_STAFF') return null;
  return (
    <Card size="small" title={t('promotion.commendation.bonusTitle')} style={{ marginTop: 16 }} data-testid="commendation-bonus">
      {c.award ? (
        <Typography.Text>
          {t('promotion.commendation.bonusAwarded', {
            bonus: c.award.bonus,
            nominee: c.award.nomineeId,
            total: c.award.hrBonusTotal ?? c.award.bonus,
            cap: c.bonusCap,
          })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">
          {t(c.commendationStatus ? 'promotion.commendation.noBonus' : 'promotion.commendation.bonusPending', { cap: c.bonusCap })}
        </Typography.Text>
      )}
    </Card>
  );
}
