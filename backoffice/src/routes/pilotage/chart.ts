import type { Action } from 'svelte/action';
import type { ChartConfiguration } from 'chart.js';

/**
 * Draws a Chart.js chart on a canvas. Chart.js is loaded only in the browser, when a chart is
 * shown: without JavaScript the tables beside the charts carry the same figures.
 */
export const chart: Action<HTMLCanvasElement, ChartConfiguration> = (node, config) => {
  let instance: import('chart.js').Chart | null = null;
  let current = config;
  let destroyed = false;
  void import('chart.js/auto').then(({ default: Chart }) => {
    if (destroyed) return;
    Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';
    Chart.defaults.color = '#3a3a3a';
    instance = new Chart(node, current);
  });
  return {
    update(next) {
      current = next;
      if (!instance) return;
      instance.data = next.data;
      if (next.options) instance.options = next.options;
      instance.update();
    },
    destroy() {
      destroyed = true;
      instance?.destroy();
    },
  };
};
