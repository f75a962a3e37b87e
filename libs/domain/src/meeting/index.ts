export * from './meeting.errors';
