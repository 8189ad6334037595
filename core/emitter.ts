/** A small typed event emitter (no DOM needed, so the engine imports under Node). */
export type Listener<T> = (detail: T) => void;

export class Emitter<Events extends object> {
  #listeners = new Map<keyof Events, Set<Listener<never>>>();

  /** Subscribe; returns the function that unsubscribes. */
  on<K extends keyof Events>(type: K, listener: Listener<Events[K]>): () => void {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => this.off(type, listener);
  }

  once<K extends keyof Events>(type: K, listener: Listener<Events[K]>): () => void {
    const off = this.on(type, (detail) => {
      off();
      listener(detail);
    });
    return off;
  }

  off<K extends keyof Events>(type: K, listener: Listener<Events[K]>): void {
    this.#listeners.get(type)?.delete(listener as Listener<never>);
  }

  protected emit<K extends keyof Events>(type: K, detail: Events[K]): void {
    for (const listener of [...(this.#listeners.get(type) ?? [])]) {
      try {
        (listener as Listener<Events[K]>)(detail);
      } catch (error) {
        // One faulty listener must not stop the others nor the engine.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  protected removeAllListeners(): void {
    this.#listeners.clear();
  }
}
