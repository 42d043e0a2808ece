import { useTranslation } from 'react-i18next';

interface ProgressBarProps {
  /** What is progressing, for screen readers (the bar's accessible name). */
  readonly label: string;
  /** 0–100. */
  readonly percent: number;
}

/** A determinate progress bar (role=progressbar with its value), with the percentage written beside it. */
export function ProgressBar({ label, percent }: ProgressBarProps) {
  const { i18n } = useTranslation();
  const clamped = Math.max(0, Math.min(100, Math.round(percent)));
  const text = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(clamped / 100);
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={{ width: `${clamped}%` }} />
      </div>
      <span className="progress-text">{text}</span>
    </div>
  );
}
