import { Alert, Card, Col, Row, Select, Space, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { addMarkers, useBpmnViewer } from '@/components/bpmn/useBpmnViewer';
import { PageHeader } from '@/components/PageHeader';
import type { ModelDiff } from '../diff/diff';
import '../editor/editor.css';
import { useContent, useVersions } from '../hooks/useDesigner';

/** A read-only diagram with the diff's markers: what this side added, removed or changed. */
function MarkedDiagram({ xml, markers, testId }: { xml: string; markers: Record<string, string>; testId: string }) {
  const { t } = useTranslation();
  const { containerRef, status } = useBpmnViewer(xml, JSON.stringify(markers), (viewer) => {
    for (const [id, marker] of Object.entries(markers)) addMarkers(viewer, [id], marker);
  });
  return (
    <div data-testid={testId} data-state={status} style={{ position: 'relative' }}>
      {status === 'loading' && <Spin />}
      {status === 'error' && <Alert type="error" showIcon title={t('diagram.renderFailed')} />}
      <div ref={containerRef} style={{ height: 420 }} />
    </div>
  );
}

export function DiffPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const key = useParams().key ?? '';
  const versions = useVersions('PROCESS', key);
  const latest = versions.data?.[0]?.version;
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const left = from ?? (latest ? latest - 1 : undefined);
  const right = to ?? latest;
  const before = useContent('PROCESS', key, left);
  const after = useContent('PROCESS', key, right);
  const [diff, setDiff] = useState<ModelDiff>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!before.data || !after.data) return;
    let current = true;
    // bpmn-moddle is loaded with the page that needs it, not with the app
    import('../diff/diff')
      .then(({ diffModels }) => diffModels(before.data.content, after.data.content))
      .then((d) => current && setDiff(d))
      .catch((e: unknown) => current && setError(String(e)));
    return () => {
      current = false;
    };
  }, [before.data, after.data]);

  const options = versions.data?.map((v) => ({ value: v.version, label: `v${v.version}` })) ?? [];
  const leftMarkers: Record<string, string> = {};
  const rightMarkers: Record<string, string> = {};
  diff?.removed.forEach((e) => (leftMarkers[e.id] = 'gf-diff-removed'));
  diff?.added.forEach((e) => (rightMarkers[e.id] = 'gf-diff-added'));
  diff?.changed.forEach((e) => {
    leftMarkers[e.id] = 'gf-diff-changed';
    rightMarkers[e.id] = 'gf-diff-changed';
  });
  const rows = [
    ...(diff?.added.map((e) => ({ ...e, kind: 'added' as const, property: '', before: '', after: '' })) ?? []),
    ...(diff?.removed.map((e) => ({ ...e, kind: 'removed' as const, property: '', before: '', after: '' })) ?? []),
    ...(diff?.changed.flatMap((e) =>
      e.changes.map((c) => ({ ...e, kind: 'changed' as const, property: c.property, before: c.before ?? '', after: c.after ?? '' })),
    ) ?? []),
  ];
  const colors = { added: 'green', removed: 'red', changed: 'orange' };

  return (
    <div className="gf-page" data-testid="designer-diff">
      <PageHeader
        title={t('designer.diff.title', { key })}
        onBack={() => navigate(`/designer/process/${encodeURIComponent(key)}`)}
        extra={
          <Space>
            <Select style={{ width: 100 }} value={left} options={options} onChange={setFrom} />→
            <Select style={{ width: 100 }} value={right} options={options} onChange={setTo} />
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Row gutter={12}>
        <Col span={12}>
          <Card size="small" title={`v${left ?? ''}`}>
            {before.data && <MarkedDiagram xml={before.data.content} markers={leftMarkers} testId="diff-before" />}
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={`v${right ?? ''}`}>
            {after.data && <MarkedDiagram xml={after.data.content} markers={rightMarkers} testId="diff-after" />}
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 12 }} title={t('designer.diff.changes')}>
        <Table
          size="small"
          rowKey={(r) => `${r.kind}-${r.id}-${r.property}`}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('designer.diff.change'), dataIndex: 'kind', render: (k: 'added' | 'removed' | 'changed') => <Tag color={colors[k]}>{t(`designer.diff.${k}`)}</Tag> },
            { title: t('designer.diff.element'), dataIndex: 'id', render: (id: string, r) => `${r.name ?? ''} (${id})` },
            { title: t('designer.diff.type'), dataIndex: 'type' },
            { title: t('designer.diff.property'), dataIndex: 'property' },
            { title: t('designer.diff.before'), dataIndex: 'before' },
            { title: t('designer.diff.after'), dataIndex: 'after' },
          ]}
        />
      </Card>
    </div>
  );
}
