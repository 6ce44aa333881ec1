import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, apiPatch, apiPost } from '../api/client.js';
import { ErrorMessage } from '../ui/status-messages.js';
import type { BoardFlight, BoardGroup, BoardPassenger } from './board-types.js';

interface Props {
  flight: BoardFlight;
  canRun: boolean;
  onChanged: () => void;
}

/** One flight on the board: its local time, groups, passengers, tasks and the airport actions. */
export function BoardFlightCard({ flight, canRun, onChanged }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function act(call: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await call();
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  const title =
    flight.movement === 'transit'
      ? `${flight.inbound?.flight} ${flight.inbound?.localTime} → ${flight.outbound?.flight} ${flight.outbound?.localTime}`
      : flight.movement === 'departure'
        ? `${flight.outbound?.flight} ${flight.outbound?.localTime} → ${flight.outbound?.airport}`
        : `${flight.inbound?.flight} ${flight.inbound?.localTime} ← ${flight.inbound?.airport}`;
  const headingId = `flight-${flight.key.replace(/[^a-zA-Z0-9]/g, '-')}`;

  return (
    <section className="panel board-flight" aria-labelledby={headingId} data-testid="board-flight">
      <h3 id={headingId}>
        {title} <span className="muted">({t('board.passengers', { count: flight.passengerCount })})</span>
      </h3>
      {flight.connection && (
        <p className={flight.connection.warning ? 'warning' : 'muted'}>
          {t('board.connection', { minutes: flight.connection.minutes })}
          {flight.connection.warning && ` — ${t(`board.connectionWarning.${flight.connection.warning}`)}`}
        </p>
      )}
      <ErrorMessage error={error} />
      {flight.groups.map((group) => (
        <GroupRows
          key={group.bookingId}
          group={group}
          movement={flight.movement}
          canRun={canRun}
          busy={busy}
          act={act}
        />
      ))}
    </section>
  );
}

function GroupRows(props: {
  group: BoardGroup;
  movement: BoardFlight['movement'];
  canRun: boolean;
  busy: boolean;
  act: (call: () => Promise<unknown>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { group, canRun, busy, act } = props;
  return (
    <div className="board-group">
      <p>
        {group.case ? (
          <Link to={`/cases/${group.case.id}`}>{group.case.reference}</Link>
        ) : (
          t(`board.programme`, { programme: group.programme })
        )}
        {group.pnr && ` · PNR ${group.pnr}`} · {t(`board.bookingStatus.${group.status}`)}
        {group.escorts.length > 0 &&
          ` · ${t('board.escorts')}: ${group.escorts.map((e) => `${e.name} (${t(`board.escortKind.${e.kind}`)})`).join(', ')}`}
      </p>
      {group.tasks.length > 0 && (
        <ul className="board-tasks">
          {group.tasks.map((task) => (
            <li key={task.id}>
              <label>
                <input
                  type="checkbox"
                  checked={task.doneAt !== null}
                  disabled={!canRun || busy}
                  onChange={(e) =>
                    void act(() => apiPatch(`/board/tasks/${task.id}`, { done: e.target.checked }))
                  }
                />{' '}
                {t(`board.task.${task.kind}`)}
              </label>
            </li>
          ))}
        </ul>
      )}
      <table className="board-passengers">
        <thead>
          <tr>
            <th scope="col">{t('board.name')}</th>
            <th scope="col">{t('board.status')}</th>
            <th scope="col">{t('board.specialNeeds')}</th>
            <th scope="col">{t('board.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {group.passengers.map((passenger) => (
            <PassengerRow key={passenger.id} passenger={passenger} {...props} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PassengerRow(props: {
  passenger: BoardPassenger;
  group: BoardGroup;
  movement: BoardFlight['movement'];
  canRun: boolean;
  busy: boolean;
  act: (call: () => Promise<unknown>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { passenger, group, movement, canRun, busy, act } = props;
  const name = `${passenger.familyName}, ${passenger.givenName}`;
  const open =
    group.status === 'confirmed' && (passenger.status === 'confirmed' || passenger.status === 'checked_in');
  const mark = (status: string) => act(() => apiPost(`/board/passengers/${passenger.id}/status`, { status }));
  return (
    <tr data-testid="board-passenger">
      <th scope="row">{name}</th>
      <td>{t(`board.passengerStatus.${passenger.status}`)}</td>
      <td>{passenger.specialNeeds.map((need) => t(`board.need.${need}`)).join(', ')}</td>
      <td>
        {canRun && open && movement === 'departure' && (
          <>
            {passenger.status === 'confirmed' && (
              <button
                type="button"
                disabled={busy}
                onClick={() => void mark('checked_in')}
                aria-label={t('board.checkInFor', { name })}
              >
                {t('board.checkIn')}
              </button>
            )}{' '}
            <button
              type="button"
              disabled={busy}
              onClick={() => void mark('departed')}
              aria-label={t('board.departedFor', { name })}
            >
              {t('board.departed')}
            </button>{' '}
            <button
              type="button"
              disabled={busy}
              onClick={() => void mark('no_show')}
              aria-label={t('board.noShowFor', { name })}
            >
              {t('board.noShow')}
            </button>
          </>
        )}
        {canRun && open && movement === 'arrival' && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void mark('arrived')}
            aria-label={t('board.arrivedFor', { name })}
          >
            {t('board.arrived')}
          </button>
        )}
        {passenger.handover &&
          t('board.handedOver', {
            to: passenger.handover.receivingPartyName,
            by: passenger.handover.receivedBy,
          })}
      </td>
    </tr>
  );
}
