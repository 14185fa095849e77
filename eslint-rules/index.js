// Tillpoint's local ESLint plugin, registered as `local` in eslint.config.js.
import { layersRule } from './layers.js';

export const localPlugin = {
  meta: { name: 'tillpoint-local' },
  rules: { layers: layersRule },
};
