/** Messages of `LiveIndicator`: its state as words, so it never relies on its colour alone. */
export const liveIndicatorMessages = {
  'live.label': 'Live updates',
  'live.connecting': 'Connecting…',
  'live.connected': 'Live',
  'live.reconnecting': 'Reconnecting…',
  'live.offline': 'Offline',
} as const;
