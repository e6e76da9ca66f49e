import type { PopulatedPlace } from '../core';
import type { OptionSpec } from './args';
import { CliError } from './cli-error';
import { parsePositive, readPoints } from './read-inputs';

export const PLACE_OPTIONS = {
  resources: { type: 'string', required: true, help: 'GeoJSON Point features with an "id" property: the existing stations' },
  places: { type: 'string', required: true, help: 'GeoJSON Point features: the places (villages) to cover, with a population' },
  minutes: { type: 'string', help: 'the promised time in minutes, turnout included (default 15)' },
  'turnout-minutes': { type: 'string', help: 'turnout time (出动准备) added to every travel time, minutes (default 0)' },
  'population-field': { type: 'string', help: 'property holding each place\'s population (default population; a place without it counts 0 people)' },
  'group-field': { type: 'string', help: 'property to roll places up by (default township)' },
} satisfies OptionSpec;

export interface PlaceInputs {
  readonly places: PopulatedPlace[];
  readonly budgetSeconds: number;
  readonly turnoutSeconds: number;
  readonly notes: string[];
}

/** Reads --places with their population and group, and the budget and turnout in seconds. */
export function readPlaceInputs(o: { places?: string; minutes?: string; 'turnout-minutes'?: string; 'population-field'?: string; 'group-field'?: string }): PlaceInputs {
  const minutes = o.minutes ? parsePositive(o.minutes, '--minutes', false) : 15;
  const turnout = o['turnout-minutes'] === undefined ? 0 : Number(o['turnout-minutes']);
  if (!(turnout >= 0 && turnout < minutes)) throw new CliError(`--turnout-minutes must be a number ≥ 0 and below --minutes (${minutes}), got "${o['turnout-minutes']}"`);
  const popField = o['population-field'] ?? 'population', groupField = o['group-field'] ?? 'township';
  let missing = 0;
  const places = readPoints(o.places!, '--places', false).map((p, i): PopulatedPlace => {
    const raw = p.properties[popField];
    let population = 0;
    if (raw === undefined || raw === null || raw === '') missing++;
    else {
      population = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
      if (!(Number.isFinite(population) && population >= 0)) {
        throw new CliError(`--places "${o.places}" feature ${i} (id ${p.id}): field "${popField}" must be a number ≥ 0, got ${JSON.stringify(raw)}`);
      }
    }
    const g = p.properties[groupField];
    return { id: p.id, lngLat: p.lngLat, population, group: g === undefined || g === null ? '' : String(g) };
  });
  const notes = missing ? [`${missing} of ${places.length} places have no "${popField}": they count 0 people`] : [];
  return { places, budgetSeconds: minutes * 60, turnoutSeconds: turnout * 60, notes };
}
