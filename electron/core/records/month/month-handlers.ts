import type { monthChannels } from '../../../../shared/ipc/channels/month';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import { monthCsv, monthReport, type MonthDays } from './month-report';

export function monthHandlers(days: MonthDays): DomainHandlers<typeof monthChannels> {
  return {
    'month:report': (input) => monthReport(days, input.month),
    'month:export': async (input) => {
      const report = await monthReport(days, input.month);
      // The file goes to the 세무사 on its own: its name says when it is not the shop's month.
      const only = report.source === 'this-register' ? '-this-register-only' : '';
      return {
        fileName: `toss-pos-month-${input.month}${only}.csv`,
        csv: monthCsv(report),
        ...(report.source === undefined ? {} : { source: report.source }),
      };
    },
  };
}
