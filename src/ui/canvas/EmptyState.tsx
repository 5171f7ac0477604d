import { openTemplates } from '../templates/galleryState';
import { inkOn } from '../palette/paletteModel';

/** What a first-time user sees on an empty canvas instead of a blank grid. */
export function EmptyState() {
  return (
    <div className="pc-empty" role="note" aria-label="Getting started">
      <div className="pc-empty__art" aria-hidden="true">
        <span style={{ background: '#3572A5', color: inkOn('#3572A5') }}>Py</span>
        <i />
        <span style={{ background: '#00ADD8', color: inkOn('#00ADD8') }}>Go</span>
        <i />
        <span style={{ background: '#231f20', color: inkOn('#231f20') }}>Kf</span>
      </div>
      <h2 className="pc-empty__title">Drag a service from the palette, or click one to add it</h2>
      <ul className="pc-empty__hints">
        <li>Connect two nodes by dragging from the dot on a node's right edge to another node.</li>
        <li>Services talk over REST or gRPC; queues go through Kafka, RabbitMQ, Redis or NATS.</li>
        <li>Your design saves itself in this browser. Export turns it into a project that builds and runs.</li>
      </ul>
      <button type="button" className="pc-empty__start" onClick={openTemplates}>
        Start from a template
      </button>
    </div>
  );
}
