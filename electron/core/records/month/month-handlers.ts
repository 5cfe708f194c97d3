import type { monthChannels } from '../../../../shared/ipc/channels/month';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { DayCloseService } from '../day/day-close-service';
import { monthCsv, monthReport } from './month-report';

export function monthHandlers(days: DayCloseService): DomainHandlers<typeof monthChannels> {
  return {
    'month:report': (input) => monthReport(days, input.month),
    'month:export': async (input) => ({
      fileName: `toss-pos-month-${input.month}.csv`,
      csv: monthCsv(await monthReport(days, input.month)),
    }),
  };
}
