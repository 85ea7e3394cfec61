// The dashboards' charts (Chart.js, served from this origin): each <canvas data-chart="id"> reads
// its data from the <script type="application/json" id="id"> beside it; the same figures are in
// the table that follows, which stays the accessible reading.
(() => {
  const Chart = window.Chart;
  if (!Chart) return;
  const COLOURS = ["#0b5394", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00"];
  const french = new Intl.NumberFormat("fr-FR");
  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    const spec = JSON.parse(source.textContent);
    const hasPercent = spec.datasets.some((set) => set.percent);
    const mixed = hasPercent && spec.datasets.some((set) => !set.percent);
    const datasets = spec.datasets.map((set, index) => ({
      label: set.label,
      data: set.data,
      type: set.type,
      backgroundColor: COLOURS[index % COLOURS.length],
      borderColor: COLOURS[index % COLOURS.length],
      yAxisID: mixed && set.percent ? "percent" : "y",
    }));
    const scales = { y: { beginAtZero: true, ticks: { callback: (value) => french.format(value) } } };
    if (mixed) scales.percent = { position: "right", beginAtZero: true, max: 100, grid: { drawOnChartArea: false } };
    canvas.dataset.rendered = "true";
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        animation: false,
        responsive: true,
        scales: spec.horizontal ? { x: scales.y } : scales,
        plugins: { legend: { position: "bottom" } },
      },
    });
  });
})();
