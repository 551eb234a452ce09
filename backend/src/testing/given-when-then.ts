import type { DomainEvent, ProblemCode } from '@decidimos/contracts';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { decodeEvent, toEventData } from '../shared/event-envelope';
import type { Answer, TestSystem } from './test-system';
import { flushTexts } from './proposal-texts';

/** Events to append to one stream, before the request under test. */
export interface ExistingStream {
  streamId: string;
  events: DomainEvent[];
}

export const existingStream = (streamId: string, ...events: DomainEvent[]): ExistingStream => ({ streamId, events });

/** What one request must do: append these events to these streams, or answer this problem and append nothing. */
export type Outcome =
  { kind: 'events'; streams: ExistingStream[] } | { kind: 'problem'; status: number; code: ProblemCode };

export const expectNewEvents = (...streams: ExistingStream[]): Outcome => ({ kind: 'events', streams });
export const expectProblem = (status: number, code: ProblemCode): Outcome => ({ kind: 'problem', status, code });

/**
 * Appends the given streams to the event store, in the order given (a stream may come
 * back later in the list, so a history keeps its order across streams), and waits until
 * every projection, and every reactor such as the tree-head signer, has taken them in:
 * what the API reads afterwards is as if the history had been driven through it.
 */
export async function seed(system: TestSystem, ...streams: ExistingStream[]): Promise<void> {
  const store = system.app.get<EventStore>(EVENT_STORE);
  await flushTexts(system);
  for (const { streamId, events } of streams) {
    if (events.length > 0)
      await store.append(
        streamId,
        events.map((event) => toEventData(event)),
        'any',
      );
  }
  await system.app.get(ProjectionRunner).waitFor(await store.headPosition());
}

/**
 * Emmett's ApiSpecification for our HTTP API: given these streams (appended straight to
 * the store), when this request, then these new events (the whole of what the request
 * appended to the named streams) or this problem (status and code, and nothing appended).
 * Returns the answer, for assertions on its body.
 */
export function given(system: TestSystem, ...streams: ExistingStream[]) {
  return {
    when: (request: () => Promise<Answer>) => ({
      async then(outcome: Outcome): Promise<Answer> {
        await seed(system, ...streams);
        const store = system.app.get<EventStore>(EVENT_STORE);
        const before = await store.headPosition();
        const answer = await request();
        const appended = await store.readAll({ after: before });
        if (outcome.kind === 'problem') {
          expect({ status: answer.status, code: answer.body?.code }).toEqual({
            status: outcome.status,
            code: outcome.code,
          });
          expect(appended).toEqual([]);
          return answer;
        }
        expect(answer.status).toBeLessThan(300);
        for (const { streamId, events } of outcome.streams) {
          const recorded = appended.filter((e) => e.streamId === streamId).map(decodeEvent);
          expect(recorded.map(({ type, data }) => ({ type, data }))).toEqual(events);
        }
        return answer;
      },
    }),
  };
}
