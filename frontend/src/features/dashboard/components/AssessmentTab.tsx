import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/lib/i18n';
import { assessmentCsvUrl, type AssessmentRow, type GroupBy, type MetricsFilter, type Rate } from '../api/metrics';
import { useAssessment } from '../hooks/useMetrics';
import { formatRate } from './format';

export function AssessmentTab({ filter }: { filter: MetricsFilter }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<GroupBy>('department');
  const rows = useAssessment(filter, by);
  const rate = (key: keyof AssessmentRow) => ({
    title: t(`dashboard.assessment.${key}`),
    render: (_: unknown, r: AssessmentRow) => {
      const value = r[key] as Rate;
      return <span title={`${value.numerator} / ${value.denominator}`}>{formatRate(value)}</span>;
    },
  });
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap justify="space-between">
        <Segmented<GroupBy>
          data-testid="assessment-by"
          value={by}
          onChange={setBy}
          options={[
            { value: 'department', label: t('dashboard.assessment.byDepartment') },
            { value: 'community', label: t('dashboard.assessment.byCommunity') },
          ]}
        />
        <Button icon={<DownloadOutlined />} href={assessmentCsvUrl(filter, by, currentLanguage())} data-testid="assessment-export">
          {t('dashboard.assessment.export')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('dashboard.assessment.basis')}</Typography.Text>
      {rows.isError && <Alert type="error" showIcon title={rows.error.message} />}
      <Table<AssessmentRow>
        data-testid="assessment-table"
        rowKey="id"
        size="small"
        loading={rows.isPending}
        dataSource={rows.data ?? []}
        pagination={false}
        columns={[
          { title: t('dashboard.assessment.unit'), dataIndex: 'name' },
          { title: t('dashboard.assessment.total'), dataIndex: 'total' },
          { title: t('dashboard.assessment.closed'), dataIndex: 'closed' },
          rate('closureRate'),
          rate('responseRate'),
          rate('onTimeRate'),
          rate('satisfactionRate'),
          rate('reopenRate'),
          { title: t('dashboard.assessment.overdue'), dataIndex: 'overdue' },
        ]}
      />
    </Flex>
  );
}
