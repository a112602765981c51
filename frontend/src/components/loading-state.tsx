/** A neutral "please wait" block, announced politely. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div className="loading-state" role="status" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
