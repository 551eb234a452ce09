import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendStreamState,
  Direction,
  EventData,
  Filter,
  ReadPosition,
  ReadRevision,
  ResolvedEvent,
} from '@kurrent/kurrentdb-client';

/** A live catch-up subscription to $all as the client hands it out. */
export interface ClientSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
}

/**
 * The part of KurrentDBClient the adapter calls, so tests can hand it a fake. The real
 * client satisfies it as it is.
 */
export interface KurrentClient {
  appendToStream(
    streamName: string,
    events: EventData[],
    options: { streamState: AppendStreamState },
  ): Promise<AppendResult>;
  readStream(
    streamName: string,
    options: { fromRevision?: ReadRevision; maxCount?: number; direction?: Direction },
  ): AsyncIterable<ResolvedEvent>;
  readAll(options: {
    fromPosition: ReadPosition;
    maxCount: number;
    direction: Direction;
    filter: Filter;
  }): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options: { fromPosition: ReadPosition; filter: Filter }): ClientSubscription;
  dispose(): Promise<void>;
}
