import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
// Served as a static asset of the console (same origin, cached): Natural Earth 1:50m country outlines.
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { call, Field, QueryView, useFormat } from '@bridges/console-kit';
import { api, type Page, type Partnership, type PartnershipStatus } from '../api';
import { useMunicipalitySummaries } from '../municipality-names';

/** Status colours, also shown in the legend (contrast ≥ 3:1 on the map's background). */
export const STATUS_COLOURS: Record<PartnershipStatus, string> = {
  established: '#0b4f8a',
  active: '#1d6b2f',
  dormant: '#9a5b00',
  ended: '#5b6270',
};
const STATUSES = Object.keys(STATUS_COLOURS) as PartnershipStatus[];
/** Enough for every partnership of a national programme; the list API pages by 200. */
const MAX_PAGES = 25;

async function allPartnerships(): Promise<Partnership[]> {
  const all: Partnership[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = { limit: 200, offset: page * 200 };
    const { items, total } = (await call(api.GET('/partnerships', { params: { query } })))
      .data as unknown as Page<Partnership>;
    all.push(...items);
    if (all.length >= total || items.length === 0) break;
  }
  return all;
}

/**
 * Every partnership as a line between the two centres, coloured by status, on Natural Earth country
 * outlines bundled with the console (world-atlas): no tile server, so it works on an air-gapped install.
 */
export default function MapPage() {
  const partnerships = useQuery({ queryKey: ['partnerships', 'all'], queryFn: allPartnerships });
  return <QueryView query={partnerships}>{(all) => <PartnershipMap partnerships={all} />}</QueryView>;
}

function PartnershipMap({ partnerships }: { partnerships: Partnership[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState('');
  const [country, setCountry] = useState('');
  const names = useMunicipalitySummaries(partnerships);
  const countries = useMemo(() => [...new Set([...names.values()].map((m) => m.country))].sort(), [names]);
  const shown = useMemo(
    () =>
      partnerships.filter((p) => {
        const sides = [names.get(p.hromadaId), names.get(p.euMunicipalityId)];
        return (!status || p.status === status) && (!country || sides.some((m) => m?.country === country));
      }),
    [partnerships, names, status, country],
  );
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | undefined>(undefined);
  const layer = useRef<L.LayerGroup | undefined>(undefined);

  useEffect(() => {
    if (!container.current) return;
    const m = L.map(container.current, { zoomSnap: 0.5, attributionControl: true }).setView([50, 20], 4);
    void fetch(countriesUrl)
      .then((response) => response.json())
      .then((json: unknown) => {
        const topology = json as Parameters<typeof feature>[0];
        L.geoJSON(feature(topology, topology.objects.countries), {
          style: { color: '#6b7380', weight: 0.6, fillColor: '#e9edf2', fillOpacity: 1 },
          interactive: false,
        })
          .addTo(m)
          .bringToBack();
      });
    m.attributionControl.addAttribution('Natural Earth');
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = undefined;
    };
  }, []);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    group.clearLayers();
    const drawn: L.LatLng[] = [];
    for (const p of shown) {
      const a = names.get(p.hromadaId);
      const b = names.get(p.euMunicipalityId);
      if (a?.lat == null || a.lon == null || b?.lat == null || b.lon == null) continue;
      const ends: [number, number][] = [
        [a.lat, a.lon],
        [b.lat, b.lon],
      ];
      L.polyline(ends, {
        color: STATUS_COLOURS[p.status],
        weight: 2.5,
        dashArray: p.status === 'ended' ? '4 6' : undefined,
      })
        .bindTooltip(`${format.name(a)} ↔ ${format.name(b)} (${p.status})`)
        .addTo(group);
      for (const [m, at] of [
        [a, ends[0]],
        [b, ends[1]],
      ] as const) {
        L.circleMarker(at, { radius: 4, color: '#1b1f24', weight: 1, fillColor: '#ffffff', fillOpacity: 1 })
          .bindTooltip(format.name(m))
          .addTo(group);
        drawn.push(L.latLng(at));
      }
    }
    if (drawn.length > 0) map.current?.fitBounds(L.latLngBounds(drawn), { padding: [40, 40], maxZoom: 5 });
    // format follows the language, which re-renders with new names.
  }, [shown, names, format.language]);

  return (
    <>
      <h1>{t('map.title')}</h1>
      <div className="panel filters" role="search" aria-label={t('kit.filters')}>
        <Field label={t('col.status')} name="status">
          {(p) => (
            <select {...p} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('kit.any')}</option>
              {STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('map.country')} name="country">
          {(p) => (
            <select {...p} value={country} onChange={(e) => setCountry(e.target.value)}>
              <option value="">{t('kit.any')}</option>
              {countries.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p role="status" data-testid="map-count">
        {t('map.count', { count: shown.length })}
      </p>
      <ul className="legend" aria-label={t('map.legend')}>
        {STATUSES.map((s) => (
          <li key={s}>
            <span className="swatch" style={{ background: STATUS_COLOURS[s] }} aria-hidden="true" /> {s}
          </li>
        ))}
      </ul>
      <div ref={container} className="map" role="region" aria-label={t('map.title')} />
    </>
  );
}
