import { CloudUploadOutlined, DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, List, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/lib/dates';
import { currentLanguage } from '@/lib/i18n';
import { isApiError } from '@/lib/api-error';
import type { ModelKind, ModelProblem } from '../api/designer';
import { BpmnEditor } from '../editor/BpmnEditor';
import { OtherEditor } from '../editor/OtherEditor';
import { translateText } from '../editor/translations';
import type { EditorHandle, LintIssue } from '../editor/types';
import { useContent, useDeploy, useDesignerMe, useDiscardDraft, useDraft, useLintContext, useSaveDraft, useVersions } from '../hooks/useDesigner';
import { KIND_COLORS, kindPath, parseKind } from './kinds';

/** Only process designers edit; everyone else is sent to the read-only view. */
export function EditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const kind = parseKind(params.kind) ?? 'PROCESS';
  const key = params.key ?? '';
  const me = useDesignerMe();

  if (me.isPending) return <Skeleton active />;
  if (!me.data?.canEdit) {
    return (
      <Result
        status="403"
        title={t('designer.editor.forbiddenTitle')}
        subTitle={t('designer.editor.forbidden')}
        data-testid="designer-forbidden"
        extra={
          <Button onClick={() => navigate(`/designer/${kindPath(kind)}/${encodeURIComponent(key)}`)}>{t('designer.editor.openViewer')}</Button>
        }
      />
    );
  }
  return <Editor kind={kind} modelKey={key} />;
}

function Editor({ kind, modelKey }: { kind: ModelKind; modelKey: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const versions = useVersions(kind, modelKey);
  const latest = versions.data?.[0]?.version;
  const draft = useDraft(kind, modelKey, true);
  const content = useContent(kind, modelKey, latest);
  const lint = useLintContext();
  const saveDraft = useSaveDraft(kind, modelKey);
  const discardDraft = useDiscardDraft(kind, modelKey);
  const deploy = useDeploy(kind, modelKey);
  const editor = useRef<EditorHandle>(null);
  const [issues, setIssues] = useState<LintIssue[]>([]);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<ModelProblem[]>([]);
  const [deployError, setDeployError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const language = currentLanguage();

  if (versions.isPending || draft.isPending || content.isPending || lint.isPending) return <Skeleton active />;
  if (versions.isError) return <Alert type="error" showIcon title={versions.error.message} />;
  const fromDraft = draft.data ?? null;
  const initial = fromDraft?.content ?? content.data?.content ?? '';
  const baseVersion = fromDraft?.baseVersion ?? latest ?? null;
  const errors = issues.filter((i) => i.category === 'error');
  const warnings = issues.filter((i) => i.category !== 'error');

  const onSaveDraft = async () => {
    const xml = await editor.current?.getContent();
    if (!xml) return;
    saveDraft.mutate(
      { content: xml, baseVersion },
      {
        onSuccess: () => {
          setDirty(false);
          message.success(t('designer.editor.draftSaved'));
        },
        onError: (e) => message.error(e.message),
      },
    );
  };

  const onDeploy = async () => {
    const xml = await editor.current?.getContent();
    if (!xml) return;
    setProblems([]);
    setDeployError(undefined);
    deploy.mutate(
      { content: xml, baseVersion },
      {
        onSuccess: (d) => {
          message.success(t('designer.editor.deployed', { version: d.version }));
          navigate(`/designer/${kindPath(kind)}/${encodeURIComponent(modelKey)}`);
        },
        onError: (e) => {
          setDeployError(e.message);
          const body = isApiError(e) ? (e.body as { problems?: ModelProblem[] } | undefined) : undefined;
          setProblems(body?.problems ?? []);
        },
      },
    );
  };

  return (
    <div className="gf-page" data-testid="designer-editor">
      <PageHeader
        title={versions.data?.[0]?.name || modelKey}
        subTitle={<Typography.Text code>{modelKey}</Typography.Text>}
        tags={
          <>
            <Tag color={KIND_COLORS[kind]}>{t(`designer.kind.${kind}`)}</Tag>
            <Tag>{t('designer.editor.basedOn', { version: baseVersion ?? 0 })}</Tag>
            {dirty && <Tag color="orange">{t('designer.editor.unsaved')}</Tag>}
          </>
        }
        onBack={() => navigate(`/designer/${kindPath(kind)}/${encodeURIComponent(modelKey)}`)}
        extra={
          <>
            {fromDraft && (
              <Button
                icon={<DeleteOutlined />}
                onClick={() =>
                  discardDraft.mutate(undefined, {
                    onSuccess: () => {
                      setDirty(false);
                      setGeneration((g) => g + 1);
                    },
                  })
                }
                data-testid="editor-discard-draft"
              >
                {t('designer.editor.discardDraft')}
              </Button>
            )}
            <Button icon={<SaveOutlined />} loading={saveDraft.isPending} onClick={() => void onSaveDraft()} data-testid="editor-save-draft">
              {t('designer.editor.saveDraft')}
            </Button>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={deploy.isPending}
              disabled={errors.length > 0}
              onClick={() => void onDeploy()}
              data-testid="editor-deploy"
            >
              {t('designer.editor.deploy')}
            </Button>
          </>
        }
      />
      {fromDraft && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('designer.editor.fromDraft', { at: formatDateTime(fromDraft.updatedAt) })}
          data-testid="editor-draft-notice"
        />
      )}
      {deployError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={deployError}
          data-testid="deploy-error"
          description={
            problems.length > 0 && (
              <List
                size="small"
                dataSource={problems}
                renderItem={(p) => (
                  <List.Item data-testid="deploy-problem">
                    <Space wrap>
                      {p.line > 0 && <Tag>{t('designer.editor.line', { line: p.line })}</Tag>}
                      {p.elementId && (
                        <Button size="small" type="link" onClick={() => editor.current?.reveal?.(p.elementId ?? '')}>
                          {p.elementId}
                        </Button>
                      )}
                      {p.message}
                    </Space>
                  </List.Item>
                )}
              />
            )
          }
        />
      )}
      {kind === 'PROCESS' ? (
        <BpmnEditor
          key={`${generation}-${language}`}
          ref={editor}
          xml={initial}
          lintContext={lint.context}
          language={language}
          onLint={setIssues}
          onChange={() => setDirty(true)}
        />
      ) : (
        <OtherEditor key={`${generation}-${language}`} ref={editor} kind={kind} content={initial} language={language} onChange={() => setDirty(true)} />
      )}
      {kind === 'PROCESS' && (
        <Card
          size="small"
          style={{ marginTop: 12 }}
          title={
            <Space>
              {t('designer.lint.title')}
              <Badge count={errors.length} showZero color={errors.length ? 'red' : 'green'} data-testid="lint-error-count" />
              <Badge count={warnings.length} color="orange" />
            </Space>
          }
        >
          {issues.length === 0 ? (
            <Typography.Text type="success">{t('designer.lint.clean')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={[...errors, ...warnings]}
              renderItem={(issue) => (
                <List.Item data-testid="lint-issue" data-element-id={issue.id} data-category={issue.category}>
                  <Space wrap>
                    <Tag color={issue.category === 'error' ? 'red' : 'orange'}>{t(`designer.lint.${issue.category === 'error' ? 'error' : 'warning'}`)}</Tag>
                    <Button size="small" type="link" onClick={() => editor.current?.reveal?.(issue.id)}>
                      {issue.id}
                    </Button>
                    {translateText(issue.message, language)}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </div>
  );
}
