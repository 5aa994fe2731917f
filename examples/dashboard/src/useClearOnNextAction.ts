import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * Calls `clear` when the next action starts anywhere on the page (any mutation of the page's query
 * client): a notice about the last action goes away once the user does something else.
 */
export function useClearOnNextAction(active: boolean, clear: () => void): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!active) return;
    return queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'added') clear();
    });
  }, [active, clear, queryClient]);
}
