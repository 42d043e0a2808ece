"""Copies the parts of the workspace's shared open data that `npm run eval:matching` and the registry
import need into the repository's data/ folder: only the needed columns (and NUTS 3 rows), so the
evaluation reproduces from a clone. Run once from the repository root:
    python3 tools/eval-matching/trim_shared_data.py ../shared/data
Values are copied unchanged; only columns/rows are dropped. Each target folder has a SOURCE.md."""
import csv, os, sys

SRC = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
DST = 'data'

def six_decimals(value):
    # 10 cm is far below the precision of a population-weighted centre; halves the file size.
    return f'{float(value):.6f}' if value not in ('', 'NA') else value

def copy_columns(src, dst, columns, keep=lambda r: True, skip=0, rename=None, fmt=None):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(src, newline='', encoding='utf-8') as f:
        for _ in range(skip):
            f.readline()
        rows = csv.DictReader(f)
        with open(dst, 'w', newline='', encoding='utf-8') as out:
            w = csv.writer(out, lineterminator='\n')
            w.writerow([(rename or {}).get(c, c) for c in columns])
            n = 0
            for r in rows:
                if keep(r):
                    w.writerow([(fmt or {}).get(c, str)(r[c]) for c in columns]); n += 1
    print(f'{dst}: {n} rows')

LAU_COLUMNS = ['gisco_id', 'longitude', 'latitude', 'country', 'nuts_2', 'nuts_3', 'lau_id', 'lau_name',
               'population', 'area_km2', 'year']
lau_dir = os.path.join(SRC, 'edjnet-lau-2020')
for name in sorted(os.listdir(lau_dir)):
    if name.endswith('.csv') and not os.path.exists(os.path.join(DST, 'edjnet-lau-2020', name)):
        copy_columns(os.path.join(lau_dir, name), os.path.join(DST, 'edjnet-lau-2020', name), LAU_COLUMNS,
                     fmt={'longitude': six_decimals, 'latitude': six_decimals})

copy_columns(os.path.join(SRC, 'eurostat-lau-degurba', 'lau2020_degurba.csv'),
             os.path.join(DST, 'eurostat-lau-degurba', 'lau2020_degurba.csv'),
             ['gisco_id', 'degurba', 'coastal_area', 'fua_id'])
copy_columns(os.path.join(SRC, 'eurostat-nuts-typologies', 'nuts2024_typologies.csv'),
             os.path.join(DST, 'eurostat-nuts-typologies', 'nuts3_typologies.csv'),
             ['NUTS_ID', 'URBN_TYPE', 'MOUNT_TYPE', 'COAST_TYPE'], keep=lambda r: r['LEVL_CODE'] == '3')
# Region names for profiles (the LAU files carry only NUTS codes); NUTS 1 and 2 name a NUTS 3 code 2024 retired.
copy_columns(os.path.join(SRC, 'eurostat-nuts-typologies', 'nuts2024_typologies.csv'),
             os.path.join(DST, 'eurostat-nuts-typologies', 'nuts_names.csv'),
             ['NUTS_ID', 'NUTS_NAME'], keep=lambda r: r['LEVL_CODE'] in ('1', '2', '3'))
copy_columns(os.path.join(SRC, 'eurostat-nuts3-gdp', 'nuts3_gdp_2015_2021.csv'),
             os.path.join(DST, 'eurostat-nuts3-gdp', 'nuts3_gdp_2019.csv'),
             ['nuts3', 'year', 'gdp_pps_per_inhabitant_index_eu27_100'], keep=lambda r: r['year'] == '2019')
copy_columns(os.path.join(SRC, 'kse-loc-data-hub-economics', 'economics.csv'),
             os.path.join(DST, 'kse-loc-data-hub-economics', 'economics_indicators.csv'),
             ['hromada_code', 'tax_capacity_index_2021', 'income_tax_uahpp', 'land_tax_uahpp_2021',
              'flat_tax_uahpp_2021'], skip=2)
