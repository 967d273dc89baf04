// The declarations of the plugins loaded in this app (plugin-core's declareAccess), merged: the agency roles with every
// plugin's grants, the private collections, the own-records scopes. Access applies them and names no feature itself.
import {
  AccessDeclaration,
  accessDeclarations,
  OwnScope,
  PrivacyLevel,
  PrivateCollection,
} from '@hongniang/plugin-core';
import { Application } from '@nocobase/server';
import { agencyRoles, AgencyRole } from './agency-roles';

export interface FieldPrivacyRow {
  collectionName: string;
  fieldName: string;
  level: PrivacyLevel;
}

export class AccessRegistry {
  constructor(private readonly app: Application) {}

  private get declarations(): AccessDeclaration[] {
    return accessDeclarations(this.app);
  }

  /** The agency roles (agency-roles.ts, declared ones included) with what each plugin grants them: resources, strategy, snippets, menus. */
  roles(): AgencyRole[] {
    return agencyRoles(this.app).map((role) => {
      const merged: AgencyRole = {
        ...role,
        resources: {},
        strategy: [...role.strategy],
        snippets: [...role.snippets],
        menus: role.menus === '*' ? '*' : [...role.menus],
      };
      for (const grants of this.declarations.map((declaration) => declaration.roles?.[role.name]).filter(Boolean)) {
        for (const [collection, actions] of Object.entries(grants!.resources || {}))
          merged.resources[collection] = { ...merged.resources[collection], ...actions };
        merged.strategy.push(...(grants!.strategy || []));
        merged.snippets.push(...(grants!.snippets || []));
        if (merged.menus !== '*') merged.menus.push(...(grants!.menus || []));
      }
      return merged;
    });
  }

  /** By collection name: those whose fields have privacy levels. */
  privateCollections(): Record<string, PrivateCollection> {
    return Object.assign({}, ...this.declarations.map((declaration) => declaration.privateCollections || {}));
  }

  /** The attribute naming whose a record of a private collection is (members: matchmakerId); undefined for any other. */
  ownerKey(collectionName: string): string | undefined {
    return this.privateCollections()[collectionName]?.ownerKey;
  }

  ownScope(collectionName: string): OwnScope | undefined {
    return Object.assign({}, ...this.declarations.map((declaration) => declaration.ownScopes || {}))[collectionName];
  }

  /** The 字段隐私 rows a new installation starts with: each private collection's declared levels. */
  defaultRows(): FieldPrivacyRow[] {
    return Object.entries(this.privateCollections()).flatMap(([collectionName, { defaultLevels }]) =>
      Object.entries(defaultLevels).flatMap(([level, fields]) =>
        fields!.map((fieldName) => ({ collectionName, fieldName, level: level as PrivacyLevel })),
      ),
    );
  }

  /** Per private collection, each field's group on the forms ({ collection: { field: group } }), for the 字段隐私 page. */
  fieldGroups(): Record<string, Record<string, string>> {
    return Object.fromEntries(
      Object.entries(this.privateCollections()).map(([name, collection]) => [name, collection.fieldGroups?.() || {}]),
    );
  }
}
