// The part of @nocobase/client our client entries use. The package itself is not installable here (its dependencies
// are not served); at run time the NocoBase web client provides it to plugin bundles as an AMD module.
declare module '@nocobase/client' {
  export class Plugin<Options = any> {
    constructor(options: Options, app: any);
    app: any;
    options: Options;
    afterAdd(): Promise<void>;
    beforeLoad(): Promise<void>;
    load(): Promise<void>;
  }
}
