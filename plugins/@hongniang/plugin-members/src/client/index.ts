/// <amd-module name="@hongniang/plugin-members" />
// The web client's part of the member archive: pages and blocks come from blueprints (server side); this entry adds the
// one field NocoBase lacks, a set of China regions (期望地区: 上海, or 广东省 / 深圳市, or both). NocoBase's China-region
// picker chooses one path only (its cascader is built with multiple off). One file: the web client loads a plugin's
// client as a single AMD module.
import { Plugin } from '@nocobase/client';
import { FieldModel } from '@nocobase/client-v2';
import { DisplayItemModel, EditableItemModel, useFlowContext } from '@nocobase/flow-engine';
import { Cascader } from 'antd';
import { createElement as h, useEffect, useMemo, useState } from 'react';

/** A row of NocoBase's chinaRegions collection: code (2 digits a province, 4 a city), name, level (1, 2, 3), parentCode. */
interface Region {
  code: string;
  name: string;
  level: number;
  parentCode?: string | null;
}

/** A cascader option: a region, the label it is shown by, its children once loaded. */
interface RegionOption extends Region {
  label: string;
  isLeaf: boolean;
  children?: RegionOption[];
}

/** Deepest level offered: cities (as the 期望地区 field's own cascader settings say: maxLevel 2). */
const MAX_LEVEL = 2;
/** City rows of the municipalities (北京, 上海, 天津, 重庆) carry these names; the province says where. */
const PLACEHOLDER_CITIES = new Set(['市辖区', '县']);

/** The code of a region's parent: China's region codes nest (44 广东省, 4403 深圳市, 440305 南山区). */
const parentOf = (region: Region) =>
  region.parentCode || (String(region.code).length > 2 ? String(region.code).slice(0, -2) : null);

/**
 * The places a stored set means, each as its path of codes ([['31'], ['44', '4403']]), in code order. A path is stored whole (province
 * and city, as NocoBase's single picker stores it), so a region that is the parent of another one in the set is only
 * part of that one's path.
 */
export function pathsOf(regions: Region[] | null | undefined): string[][] {
  const list = Array.isArray(regions) ? regions.filter((region) => region && region.code) : [];
  const parents = new Set(list.map(parentOf).filter(Boolean));
  return list
    .filter((region) => !parents.has(String(region.code)))
    .map((region) => (parentOf(region) ? [String(parentOf(region)), String(region.code)] : [String(region.code)]))
    .sort((a, b) => (a[a.length - 1] < b[b.length - 1] ? -1 : 1));
}

/** The regions to store for the paths the picker reports: every region of every path, once each, without UI state. */
function regionsOf(selectedPaths: RegionOption[][]): Region[] {
  const byCode = new Map<string, Region>();
  for (const path of selectedPaths || []) {
    for (const { code, name, level, parentCode } of path)
      byCode.set(String(code), { code: String(code), name, level, parentCode });
  }
  return [...byCode.values()];
}

/** How a stored set reads: "上海市、广东省 / 深圳市" (a municipality's 市辖区 reads as the municipality). */
export function describeRegions(regions: Region[] | null | undefined): string {
  const byCode = new Map((regions || []).map((region) => [String(region.code), region]));
  return pathsOf(regions)
    .map((path) => path.map((code) => byCode.get(code)?.name || code))
    .map((names) =>
      (names.length > 1 && PLACEHOLDER_CITIES.has(names[names.length - 1]) ? names.slice(0, -1) : names).join(' / '),
    )
    .join('、');
}

/** The regions under a province (or the provinces), as options; a municipality's 市辖区 is shown by its name. */
async function childrenOf(api: any, parent: RegionOption | null): Promise<RegionOption[]> {
  const filter = parent ? { parentCode: parent.code } : { level: 1 };
  const response = await api.resource('chinaRegions').list({ filter, sort: 'code', paginate: false });
  return (response?.data?.data || []).map((region: Region) => ({
    ...region,
    label: parent && PLACEHOLDER_CITIES.has(region.name) ? parent.name : region.name,
    isLeaf: region.level >= MAX_LEVEL,
  }));
}

/** The picker: provinces first, cities on demand, several places checked at once. */
function RegionSetPicker(props: any) {
  const { value, onChange, ...rest } = props;
  const api = useFlowContext().api;
  const [options, setOptions] = useState<RegionOption[]>([]);
  const paths = useMemo(() => pathsOf(value), [value]);

  useEffect(() => {
    let live = true;
    childrenOf(api, null).then((provinces) => live && setOptions(provinces));
    return () => {
      live = false;
    };
  }, [api]);

  // Cities of the places chosen (also when the record's value arrives after the picker), so their tags read by name.
  const unopened = options.filter(
    (province) => !province.children && paths.some((path) => path.length > 1 && path[0] === String(province.code)),
  );
  useEffect(() => {
    if (!unopened.length) return;
    Promise.all(unopened.map(async (province) => (province.children = await childrenOf(api, province)))).then(() =>
      setOptions((previous) => [...previous]),
    );
  }, [unopened.map((province) => province.code).join()]);

  const loadData = async (selected: RegionOption[]) => {
    const target = selected[selected.length - 1];
    target.children = await childrenOf(api, target);
    setOptions((previous) => [...previous]);
  };

  return h(Cascader, {
    ...rest,
    multiple: true,
    showSearch: false,
    maxTagCount: 'responsive',
    options,
    loadData,
    value: paths,
    fieldNames: { label: 'label', value: 'code', children: 'children' },
    onChange: (_codes: string[][], selectedPaths: RegionOption[][]) => onChange?.(regionsOf(selectedPaths)),
  });
}

/** Form field for a set of China regions, offered under "Field component" for China-region fields. */
export class RegionSetFieldModel extends FieldModel {
  render() {
    return h(RegionSetPicker, this.props);
  }
}

/** Display of a set of China regions, for details and tables. */
export class DisplayRegionSetFieldModel extends FieldModel {
  render() {
    const text = describeRegions(this.props.value);
    return text ? h('span', null, text) : null;
  }
}

const LABEL = "{{t('Several China regions', { ns: '@hongniang/plugin-members' })}}";
RegionSetFieldModel.define({ label: LABEL });
DisplayRegionSetFieldModel.define({ label: LABEL });

export class PluginMembersClient extends Plugin {
  async load() {
    this.flowEngine.registerModels({ RegionSetFieldModel, DisplayRegionSetFieldModel });
    EditableItemModel.bindModelToInterface('RegionSetFieldModel', ['chinaRegion']);
    DisplayItemModel.bindModelToInterface('DisplayRegionSetFieldModel', ['chinaRegion']);
  }
}

export default PluginMembersClient;
