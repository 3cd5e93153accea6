"""Small helpers to print benchmark figures the same way everywhere."""

from __future__ import annotations

import statistics


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile of ``samples`` (pct in 0..100)."""
    ordered = sorted(samples)
    rank = max(1, round(pct / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def report(title: str, rows: dict[str, list[float]], unit: str = "ms") -> str:
    """Print p50 / p99 / mean / max per row; the first row is the baseline of the others."""
    head = f"{'':34}{'n':>5}{'p50':>11}{'p99':>11}{'mean':>11}{'max':>11}"
    lines = [f"\n== {title} ({unit})", head]
    base: float | None = None
    for name, samples in rows.items():
        p50 = percentile(samples, 50)
        if base is None:
            base, note = p50, "baseline"
        else:
            note = f"p50 x{p50 / base:.1f} baseline" if base else ""
        cells = (p50, percentile(samples, 99), statistics.fmean(samples), max(samples))
        lines.append(
            f"{name:34}{len(samples):5d}" + "".join(f"{c:11.2f}" for c in cells) + f"   {note}"
        )
    text = "\n".join(lines)
    print(text, flush=True)
    return text
