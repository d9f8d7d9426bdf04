/** Shown while a lazily loaded area or page arrives. */
export function AreaLoading() {
  return (
    <div className="area-loading" role="status" aria-live="polite">
      <span className="area-loading__dot" />
      加载中…
    </div>
  );
}
