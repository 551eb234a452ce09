/**
 * Where and when the log recorded an event. These are facts of the log, not of the
 * domain, so they travel beside the event rather than inside it; events a spec or a
 * decide() builds have none.
 */
export interface EventMeta {
  /** Global position in the log. */
  position: number;
  recordedAt: string;
}

/** An aggregate as a pure decider (Emmett / Jérémie Chassaing's shape): no framework, no I/O. */
export interface Decider<Command, Event, State> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event, meta?: EventMeta): State;
}

export function fold<Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: Event[],
  metas: readonly EventMeta[] = [],
  from: State = decider.initialState(),
): State {
  return events.reduce((state, event, i) => decider.evolve(state, event, metas[i]), from);
}
