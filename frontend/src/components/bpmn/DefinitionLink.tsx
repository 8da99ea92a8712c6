import { ApartmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export interface DefinitionLinkProps {
  /** process definition key */
  definitionKey?: string | null;
  /** the version to show; the latest when absent */
  version?: number | null;
}

/**
 * "查看流程定义": opens the process library's read-only viewer of a definition (every signed-in user may read it,
 * only designers may edit), so staff reach it without knowing its address.
 */
export function DefinitionLink({ definitionKey, version }: DefinitionLinkProps) {
  const { t } = useTranslation();
  if (!definitionKey) return null;
  const query = version ? `?version=${version}` : '';
  return (
    <Link
      to={`/designer/process/${encodeURIComponent(definitionKey)}${query}`}
      data-testid={`definition-link-${definitionKey}`}
      // inside a clickable card (the 发起 page) the link opens the viewer, not the card's own target
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <ApartmentOutlined /> {t('diagram.viewDefinition')}
    </Link>
  );
}
