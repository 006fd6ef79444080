// A satisfaction score (1-5) as five stars, with the number for screen readers and for copying.
export function CsatStars({ score }: { score: number }) {
  return (
    <span className="csat-stars" role="img" aria-label={`${score} out of 5`} data-score={score}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={n <= score ? 'csat-star csat-star-on' : 'csat-star'} aria-hidden="true">
          ★
        </span>
      ))}
      <span className="csat-score" aria-hidden="true">
        {score}/5
      </span>
    </span>
  );
}
