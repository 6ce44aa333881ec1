// Every test file runs with the domain event subscribers registered, as the application does, so a
// service called directly (a factory, the demo year) has the same consequences as through the API.
import { registerEventSubscribers } from '../event-subscribers.js';

registerEventSubscribers();
