// Typed events of the Provisioning API mock, for the conformance runner and tests.
import { EventEmitter } from 'node:events';
import type { ResourceName } from '../model/resource.js';
import type { JobCounts, JobOperation } from './job.js';

export interface JobEvent {
  jobId: string;
  organisationId: string;
  resource: ResourceName;
  operation: JobOperation;
  /** The request that created the job. */
  requestId: string;
  itemCount: number;
}

export interface JobCompletedEvent extends JobEvent {
  counts: JobCounts;
  /** Clock ms of completion. */
  completedMs: number;
}

export interface ProvisioningEventMap {
  'job:submitted': JobEvent;
  'job:completed': JobCompletedEvent;
}

export type ProvisioningEventName = keyof ProvisioningEventMap;

/** A small typed emitter; listeners run synchronously and must not throw. */
export class ProvisioningEvents {
  private readonly emitter = new EventEmitter();

  on<K extends ProvisioningEventName>(
    name: K,
    listener: (event: ProvisioningEventMap[K]) => void,
  ): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  once<K extends ProvisioningEventName>(name: K, listener: (event: ProvisioningEventMap[K]) => void): void {
    this.emitter.once(name, listener);
  }

  emit<K extends ProvisioningEventName>(name: K, event: ProvisioningEventMap[K]): void {
    this.emitter.emit(name, event);
  }
}
