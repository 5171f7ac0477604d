import { ControlButton, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';

const percent = (s: ReactFlowState) => Math.round(s.transform[2] * 100);

/** The zoom in the canvas controls, in percent; a click brings it back to 100 % around the middle. */
export function ZoomPercent() {
  const zoom = useStore(percent);
  const flow = useReactFlow();
  return (
    <ControlButton
      className="pc-zoom-pct"
      onClick={() => void flow.zoomTo(1, { duration: 150 })}
      title="Zoom: click to reset to 100 %"
      aria-label={`Zoom ${zoom} %, reset to 100 %`}
    >
      {`${zoom}%`}
    </ControlButton>
  );
}
