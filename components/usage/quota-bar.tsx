import styles from './usage.module.css';

/** At and past this share the bar turns amber, as the 80% alert does. */
const WARNING_PERCENT = 80;

/** Use against limit as a bar; the text beside it says the figures, the bar is for the eye. */
export function QuotaBar({ percent, label, valueText }: { percent: number | null; label: string; valueText: string }) {
  const shown = Math.min(100, Math.max(0, percent ?? 0));
  const tone = percent === null ? '' : percent >= 100 ? styles.barFull : percent >= WARNING_PERCENT ? styles.barWarning : '';
  return (
    <div
      className={styles.bar}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent === null ? undefined : Math.round(shown)}
      aria-valuetext={valueText}
    >
      <div className={`${styles.barFill} ${tone}`} style={{ width: `${shown}%` }} />
    </div>
  );
}
