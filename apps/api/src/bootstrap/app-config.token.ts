/** The AppConfig provider (the same symbol AppModule registers it under). */
export const APP_CONFIG = Symbol.for('gongjian.AppConfig');
