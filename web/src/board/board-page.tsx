import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toQuery } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useMe } from '../auth/auth-context.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { BoardFlightCard } from './board-flight.js';
import { BOARD_ROLES, type Board, type BoardFlight } from './board-types.js';

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

/** The airport operations board: the day's departures, transits and arrivals in the airport's local time. */
export function BoardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [date, setDate] = useState(() => todayIn('Europe/Amsterdam'));
  const [airport, setAirport] = useState('AMS');
  const [shown, setShown] = useState({ date, airport });
  const { data, error, loading, reload } = useApi<Board>(`/board${toQuery(shown)}`);
  const canRun = me.roles.some((grant) => BOARD_ROLES.includes(grant.role));

  const section = (key: 'departures' | 'transits' | 'arrivals', flights: BoardFlight[]) => (
    <section aria-labelledby={`board-${key}`}>
      <h2 id={`board-${key}`}>
        {t(`board.${key}`)} ({flights.length})
      </h2>
      {flights.length === 0 && <p className="muted">{t('board.none')}</p>}
      {flights.map((flight) => (
        <BoardFlightCard key={flight.key} flight={flight} canRun={canRun} onChanged={reload} />
      ))}
    </section>
  );

  return (
    <section aria-labelledby="board-heading" className="board-page">
      <h1 id="board-heading">{t('board.title')}</h1>
      <form
        className="field-row"
        onSubmit={(event) => {
          event.preventDefault();
          setShown({ date, airport: airport.trim().toUpperCase() });
        }}
      >
        <div className="field">
          <label htmlFor="board-date">{t('board.date')}</label>
          <input
            id="board-date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="board-airport">{t('board.airport')}</label>
          <input
            id="board-airport"
            value={airport}
            onChange={(e) => setAirport(e.target.value)}
            maxLength={3}
            pattern="[A-Za-z]{3}"
            required
            autoComplete="off"
          />
        </div>
        <button type="submit">{t('board.show')}</button>
      </form>
      <ErrorMessage error={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p>
            {t('board.summary', {
              airport: `${data.airport.iata} ${data.airport.name}`,
              date: data.date,
              zone: data.airport.timeZone,
              passengers: data.totals.passengers,
            })}
          </p>
          {section('departures', data.departures)}
          {section('transits', data.transits)}
          {section('arrivals', data.arrivals)}
        </>
      )}
    </section>
  );
}
