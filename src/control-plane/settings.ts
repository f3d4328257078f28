// Settings of the control plane: its token and the caps on the bodies it reads.
import { z } from 'zod';
import { defineSettings, type SettingValues } from '../config/setting-spec.js';

export const CONTROL_SETTINGS = defineSettings({
  controlToken: {
    flag: 'control-token',
    env: ['PROVTJANST_CONTROL_TOKEN'],
    kind: 'string',
    schema: z.string().min(16, 'the control token must be at least 16 characters').optional(),
    description:
      'Token the control plane (/_mock/**, journal, pages) requires as "Authorization: Bearer". Default: none on loopback, a generated one (printed in the banner) on any other --host.',
  },
  controlBodyCap: {
    flag: 'control-body-cap',
    env: ['PROVTJANST_CONTROL_BODY_CAP'],
    kind: 'string',
    schema: z.coerce.number().int().min(1).default(65_536),
    description: 'Largest request body the control plane reads, in bytes (larger: 413).',
  },
  controlOpenDataBodyCap: {
    flag: 'control-open-data-body-cap',
    env: ['PROVTJANST_CONTROL_OPEN_DATA_BODY_CAP'],
    kind: 'string',
    schema: z.coerce.number().int().min(1).default(16_777_216),
    description: 'Largest open-data catalogue PUT /_mock/open-data reads, in bytes (larger: 413).',
  },
});

export type ControlSettings = SettingValues<typeof CONTROL_SETTINGS>;
