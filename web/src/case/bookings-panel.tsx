import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useMe } from '../auth/auth-context.js';
import { BOARD_ROLES, type Booking } from '../board/board-types.js';
import { fieldErrorsOf } from '../ui/field-errors.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { TextField } from '../ui/text-field.js';
import type { CasePanelProps } from './case-context.js';

const EMPTY = {
  pnr: '',
  airline: '',
  flightNumber: '',
  departureAirport: 'AMS',
  departureLocal: '',
  arrivalAirport: '',
  arrivalLocal: '',
};

/** The case's bookings (every version), with confirm and cancel, and a form to hold a direct flight. */
export function BookingsPanel({ kase, onActivity }: CasePanelProps) {
  const { t } = useTranslation();
  const me = useMe();
  const canBook = me.roles.some((grant) => BOARD_ROLES.includes(grant.role));
  const { data, error, loading, reload } = useApi<{ items: Booking[] }>(`/cases/${kase.id}/bookings`);
  const [values, setValues] = useState(EMPTY);
  const [postError, setPostError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorsOf(postError);

  async function run(call: () => Promise<unknown>) {
    setBusy(true);
    setPostError(undefined);
    try {
      await call();
      reload();
      onActivity();
      return true;
    } catch (caught) {
      setPostError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { pnr, ...segment } = values;
    const ok = await run(() =>
      apiPost('/bookings', { caseId: kase.id, ...(pnr ? { pnr } : {}), segments: [segment] }),
    );
    if (ok) setValues(EMPTY);
  }

  const set = (key: keyof typeof EMPTY) => (value: string) => setValues({ ...values, [key]: value });
  const bookings = data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="bookings-heading" data-testid="bookings">
      <h2 id="bookings-heading">{t('bookings.title')}</h2>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && bookings.length === 0 && <p className="muted">{t('bookings.none')}</p>}
      {bookings.map((booking) => (
        <article
          key={booking.id}
          className="booking"
          aria-label={t('bookings.version', { version: booking.version })}
        >
          <h3>
            {t('bookings.version', { version: booking.version })} ·{' '}
            {t(`board.bookingStatus.${booking.status}`)}
            {booking.pnr && ` · PNR ${booking.pnr}`}
          </h3>
          <ul>
            {booking.segments.map((segment) => (
              <li key={segment.id}>
                {segment.flight} {segment.departureAirport.iata} {segment.departure.local.replace('T', ' ')} (
                {segment.departure.timeZone}) → {segment.arrivalAirport.iata}{' '}
                {segment.arrival.local.replace('T', ' ')} ({segment.arrival.timeZone}) ·{' '}
                {t('bookings.co2', { km: segment.distanceKm, kg: segment.co2Kg })}
              </li>
            ))}
          </ul>
          {booking.connections
            .filter((connection) => connection.warning)
            .map((connection) => (
              <p key={connection.airport} className="warning">
                {t('board.connection', { minutes: connection.minutes })} ({connection.airport})
              </p>
            ))}
          <p>
            {booking.passengers
              .map((p) => `${p.givenName} ${p.familyName} (${t(`board.passengerStatus.${p.status}`)})`)
              .join(', ')}
          </p>
          {canBook && booking.status === 'booked' && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => apiPost(`/bookings/${booking.id}/confirm`))}
            >
              {t('bookings.confirm')}
            </button>
          )}{' '}
          {canBook && (booking.status === 'booked' || booking.status === 'confirmed') && (
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                const reason = window.prompt(t('bookings.cancelReason'));
                if (reason?.trim()) void run(() => apiPost(`/bookings/${booking.id}/cancel`, { reason }));
              }}
            >
              {t('bookings.cancel')}
            </button>
          )}
        </article>
      ))}
      <ErrorMessage error={postError} inlineFields={['pnr']} />
      {canBook && (
        <form onSubmit={submit} noValidate>
          <fieldset>
            <legend>{t('bookings.new')}</legend>
            <div className="field-row">
              <TextField
                id="booking-pnr"
                label={t('bookings.pnr')}
                value={values.pnr}
                onChange={set('pnr')}
                errors={errors.pnr}
              />
              <TextField
                id="booking-airline"
                label={t('bookings.airline')}
                value={values.airline}
                onChange={set('airline')}
                maxLength={2}
                required
              />
              <TextField
                id="booking-flight"
                label={t('bookings.flightNumber')}
                value={values.flightNumber}
                onChange={set('flightNumber')}
                required
              />
            </div>
            <div className="field-row">
              <TextField
                id="booking-from"
                label={t('bookings.from')}
                value={values.departureAirport}
                onChange={set('departureAirport')}
                maxLength={3}
                required
              />
              <TextField
                id="booking-departure"
                label={t('bookings.departureLocal')}
                type="datetime-local"
                value={values.departureLocal}
                onChange={set('departureLocal')}
                required
              />
              <TextField
                id="booking-to"
                label={t('bookings.to')}
                value={values.arrivalAirport}
                onChange={set('arrivalAirport')}
                maxLength={3}
                required
              />
              <TextField
                id="booking-arrival"
                label={t('bookings.arrivalLocal')}
                type="datetime-local"
                value={values.arrivalLocal}
                onChange={set('arrivalLocal')}
                required
              />
            </div>
            <p className="hint">{t('bookings.localHint')}</p>
            <button type="submit" disabled={busy}>
              {t('bookings.hold')}
            </button>
          </fieldset>
        </form>
      )}
    </section>
  );
}
