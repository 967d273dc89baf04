// The part of @nocobase/client our client entries use. The package itself is not installable here (its dependencies
// are not served); at run time the NocoBase web client provides it to plugin bundles as an AMD module.
declare module '@nocobase/client' {
  export class Plugin<Options = any> {
    constructor(options: Options, app: any);
    app: any;
    flowEngine: any;
    options: Options;
    afterAdd(): Promise<void>;
    beforeLoad(): Promise<void>;
    load(): Promise<void>;
  }
}

// The parts of the web client's shared modules our field models use (provided at run time as AMD modules).
declare module '@nocobase/client-v2' {
  export class FieldModel {
    props: any;
    context: any;
    static define(options: { label?: string; hide?: boolean }): void;
    render(): any;
  }
}

declare module '@nocobase/flow-engine' {
  type Binding = (modelName: string, interfaces: string[], options?: { isDefault?: boolean }) => void;
  export const EditableItemModel: { bindModelToInterface: Binding };
  export const DisplayItemModel: { bindModelToInterface: Binding };
  export function useFlowContext(): any;
}

declare module 'react' {
  export function createElement(type: any, props?: any, ...children: any[]): any;
  export function useState<T>(initial: T): [T, (next: T | ((previous: T) => T)) => void];
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useMemo<T>(factory: () => T, deps: readonly unknown[]): T;
}

declare module 'antd' {
  export const Cascader: any;
}
