import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { DefinitionLink } from '@/components/bpmn/DefinitionLink';
import { useStartableProcesses } from '../hooks/useStart';

export function StartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const processes = useStartableProcesses();

  return (
    <div className="gf-page" data-testid="start-page">
      <PageHeader title={t('start.title')} />
      {processes.isPending ? (
        <Skeleton active />
      ) : processes.isError ? (
        <Alert type="error" showIcon title={processes.error.message} />
      ) : processes.data.length === 0 ? (
        <Empty description={t('start.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {processes.data.map((p) => (
            <Col key={p.key} xs={24} sm={12} lg={8} xl={6}>
              <Card
                hoverable
                role="button"
                tabIndex={0}
                data-testid={`start-card-${p.key}`}
                onClick={() => navigate(`/start/${encodeURIComponent(p.key)}`)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') navigate(`/start/${encodeURIComponent(p.key)}`);
                }}
              >
                <Card.Meta
                  avatar={<PlayCircleOutlined style={{ fontSize: 28, color: '#1677ff' }} />}
                  title={p.name || p.key}
                  description={
                    <>
                      <Typography.Text type="secondary">{p.key}</Typography.Text> <Tag>v{p.version}</Tag>
                      <div style={{ marginTop: 8 }}>
                        <DefinitionLink definitionKey={p.key} version={p.version} />
                      </div>
                    </>
                  }
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
