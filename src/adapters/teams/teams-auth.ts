import { AuthType, type AuthConfiguration } from '@microsoft/agents-hosting';
import { ConfigError, type Config } from '../../config/config.ts';

/** The Microsoft variables the Teams endpoint is configured from. */
export type TeamsAuthSettings = Partial<Pick<Config, 'MICROSOFT_APP_ID' | 'MICROSOFT_APP_PASSWORD' | 'MICROSOFT_APP_TENANT_ID' | 'MICROSOFT_APP_TYPE'>>;

/** How the endpoint authenticates: Bot Framework / Entra tokens, or anonymous local development (loopback only). */
export type TeamsAuthMode = { kind: 'authenticated'; auth: AuthConfiguration } | { kind: 'anonymous' };

/**
 * Builds the Agents SDK auth configuration from MICROSOFT_APP_ID/PASSWORD/TENANT_ID/TYPE, or the anonymous mode when none
 * is set. Throws ConfigError naming the missing variable when the set is incomplete.
 */
export function teamsAuthMode(settings: TeamsAuthSettings): TeamsAuthMode {
  const { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: password, MICROSOFT_APP_TENANT_ID: tenantId } = settings;
  const type = settings.MICROSOFT_APP_TYPE ?? (tenantId ? 'SingleTenant' : 'MultiTenant');
  if (!appId) {
    if (password || tenantId || settings.MICROSOFT_APP_TYPE) {
      throw new ConfigError(['MICROSOFT_APP_ID: is required when MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID or MICROSOFT_APP_TYPE is set (the Azure Bot\'s Microsoft App ID)']);
    }
    return { kind: 'anonymous' };
  }
  const problems: string[] = [];
  if (type !== 'MultiTenant' && !tenantId) problems.push(`MICROSOFT_APP_TENANT_ID: is required for MICROSOFT_APP_TYPE=${type} (the Entra tenant id)`);
  if (type !== 'UserAssignedMSI' && !password) problems.push(`MICROSOFT_APP_PASSWORD: is required for MICROSOFT_APP_TYPE=${type} (the app registration's client secret)`);
  if (problems.length > 0) throw new ConfigError(problems);
  if (type === 'UserAssignedMSI') return { kind: 'authenticated', auth: { clientId: appId, tenantId, authType: AuthType.UserManagedIdentity } };
  return {
    kind: 'authenticated',
    auth: { clientId: appId, clientSecret: password, authType: AuthType.ClientSecret, ...(type === 'SingleTenant' ? { tenantId } : {}) },
  };
}
