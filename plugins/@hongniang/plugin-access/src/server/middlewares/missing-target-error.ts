// NocoBase refuses an update or delete that names no record ("filter or filterByTk is required") with a plain Error,
// which its error handler answers as 500. It is the caller's mistake: answer 400, in her language, naming what is missing.
import { Application } from '@nocobase/server';
import { accessLanguage } from '../privacy/access-refusal';

const MISSING_TARGET = /^to do (\w+) action, filter or filterByTk is required$|^Invalid filter: /;

export function answerMissingTargetAs400(app: Application) {
  const errorHandler = app.pm.get<any>('error-handler')?.errorHandler;
  errorHandler?.register(
    (error: Error) => MISSING_TARGET.test(error?.message || ''),
    (error: Error, ctx: any) => {
      const { t } = accessLanguage({ context: ctx });
      const action = MISSING_TARGET.exec(error.message)?.[1] || ctx.action?.actionName;
      ctx.status = 400;
      ctx.body = {
        errors: [
          {
            code: 'HONGNIANG_MISSING_TARGET',
            message:
              action === 'destroy'
                ? t("Say which records to destroy: filterByTk (a record's id) or a valid filter is required")
                : t("Say which records to {{action}}: filterByTk (a record's id) or a valid filter is required", {
                    action: String(action),
                  }),
          },
        ],
      };
    },
  );
}
