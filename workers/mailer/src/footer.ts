import type { Config } from '@qn/config';

export function footerOf(config: Config) {
  return {
    officeName: config.OFFICE_NAME,
    privacyUrl: `${config.PUBLIC_URL}/datenschutz`,
    imprintUrl: `${config.PUBLIC_URL}/impressum`,
  };
}
