// The channel shapes the web app sees (channel-kind-view.ts, channel-view.ts) are the adapters'
// own (channels/types.ts): kept as node-free copies for the browser's type check, equal here.
import { describe, expectTypeOf, it } from 'vitest';
import type { MessageTemplate as AdapterTemplate, SettingField as AdapterSettingField } from '../../../../channels/types.ts';
import type { SettingField } from '../../../../src/domain/channels/channel-kind-view.ts';
import type { MessageTemplate } from '../../../../src/domain/channels/channel-view.ts';

describe('channel shapes the web app sees', () => {
  it("an admin form field is the adapters' SettingField", () => {
    expectTypeOf<SettingField>().toEqualTypeOf<AdapterSettingField>();
  });
  it("a template is the adapters' MessageTemplate", () => {
    expectTypeOf<MessageTemplate>().toEqualTypeOf<AdapterTemplate>();
  });
});
