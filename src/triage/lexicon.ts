import type { Category } from '../core/types.js';

/**
 * The hand-kept half of the classifier: words that name a product, weighted by how surely they mean the
 * category. Kept as data so reviewers' corrections can be turned into edits here or into trained weights
 * (train.ts) without touching the scoring code.
 *
 * Term syntax, over folded tokens (see tokens.ts): words separated by spaces must follow each other;
 * a trailing `*` matches any ending ("mondkap*" → mondkapjes); a leading `*` on a one-word term matches a
 * compound ending ("*maskers" → stofmaskers).
 */
export type LexiconTable = Record<Category, ReadonlyArray<readonly [term: string, weight: number]>>;

export const LEXICON: LexiconTable = {
  masks: [
    ['mondkap*', 3], ['mondmasker*', 3], ['neusmasker*', 3], ['mond neus*', 2], ['*maskers', 2.5], ['*masker', 2.5],
    ['mask', 2.5], ['masks', 2.5], ['face mask*', 3], ['facemask*', 3], ['ffp1', 3], ['ffp2', 3.5], ['ffp3', 3.5],
    ['ffp', 2.5], ['kn95', 3.5], ['n95', 3.5], ['kn 95', 3.5], ['n 95', 3], ['14683', 2.5], ['en 149', 2.5],
    ['type iir', 2], ['iir', 1.5], ['surgical mask*', 3.5], ['chirurgische mond*', 1], ['respirator', 1.5],
    ['respirators', 1.5], ['community mask*', 3], ['mondkapjesmachine*', 1],
  ],
  gowns: [
    ['isolatiejas*', 3.5], ['isolatieschort*', 3.5], ['isolation gown*', 3.5], ['gown', 3], ['gowns', 3],
    ['schort', 2.5], ['schorten', 2.5], ['*schorten', 2.5], ['*jassen', 2], ['jassen', 1.5], ['overall', 2.5],
    ['overalls', 2.5], ['coverall*', 3], ['beschermende kleding', 3], ['beschermingskleding', 3],
    ['protective clothing', 3], ['protective suit*', 3], ['protective garment*', 3], ['beschermpak*', 3],
    ['beschermingspak*', 3], ['13795', 2.5], ['14126', 2.5], ['lab coat*', 2.5], ['labjas*', 2.5],
    ['operatiejas*', 3], ['surgical gown*', 3.5], ['hazmat', 2], ['kleding', 1], ['clothing', 1], ['aprons', 1.5],
    ['garments', 1.5],
  ],
  tests: [
    ['pcr', 3.5], ['qpcr', 3.5], ['sneltest*', 3.5], ['rapid test*', 3.5], ['testkit*', 3], ['test kit*', 3],
    ['testkits', 3], ['antigen*', 2.5], ['antigeen*', 2.5], ['antibod*', 2.5], ['antistof*', 2.5], ['serolog*', 2.5],
    ['swab', 3], ['swabs', 3], ['wattenstaaf*', 3], ['wattenstok*', 3], ['afnamestok*', 3], ['reagen*', 3],
    ['buffer', 1.5], ['buffers', 1.5], ['lysis', 2.5], ['lysisbuffer*', 3], ['rna', 2], ['vtm', 2.5],
    ['transport medium', 2.5], ['transportmedi*', 2.5], ['kit filling', 3], ['kitfilling', 3], ['afvul*', 2],
    ['diagnost*', 2.5], ['testcapaciteit', 3], ['test capacity', 3], ['testing capacity', 3], ['testen', 1],
    ['tests', 1.5], ['test', 0.8], ['igg', 2], ['igm', 2], ['elisa', 2.5], ['primers', 2], ['covid test*', 2.5],
    ['coronatest*', 3], ['labcapaciteit', 2.5], ['lab capacity', 2.5], ['laboratoriumcapaciteit', 2.5],
    ['extractie', 1], ['extraction', 1], ['assay*', 2],
  ],
  materials: [
    ['meltblown', 4], ['melt blown', 4], ['ppmb', 4], ['smeltgeblazen', 4], ['spunbond', 4], ['spunlace', 3.5],
    ['sms', 1], ['nonwoven*', 3.5], ['non woven*', 3.5], ['vlies', 2.5], ['vliesstof*', 3], ['*vlies', 2.5],
    ['filtermateria*', 3.5], ['filter materia*', 3.5], ['filter fabric*', 3.5], ['filterdoek*', 3.5],
    ['filter media', 3.5], ['filtermedia', 3.5], ['filterstof*', 3.5], ['membra*', 2], ['ptfe', 2],
    ['polypropyleen', 2.5], ['polypropylene', 2.5], ['granula*', 2.5], ['grondstof*', 3], ['raw material*', 3],
    ['materialen', 1.5], ['materials', 1.5], ['material', 1], ['materiaal', 1], ['elastiek*', 2.5],
    ['elastic', 2], ['elastics', 2.5], ['ear loop*', 2.5], ['earloop*', 2.5], ['oorlus*', 2.5],
    ['neusbeugel*', 3], ['nose wire*', 3], ['nose clip*', 2.5], ['neusklem*', 2.5], ['coated fabric*', 3],
    ['gecoat*', 2], ['laminat*', 1.5], ['laminaat', 1.5], ['fabric', 1.5], ['fabrics', 1.5], ['textiel', 1],
    ['textile', 1], ['rollen', 1], ['rolls', 1], ['gsm', 1.5], ['g m2', 1.5], ['gram per m2', 1.5],
    ['chemicalien', 1.5], ['chemicals', 1.5], ['electret', 3], ['filtratie', 1], ['filtration', 1],
  ],
  ventilators: [
    ['beademingsappara*', 4], ['beademingsmachine*', 4], ['beademing*', 3], ['ventilators', 2.5], ['ventilator', 2.5], ['ventilatoren', 2.5],
    ['medical ventilator*', 4], ['icu ventilator*', 4], ['intensive care', 1.5], ['cpap', 3], ['bipap', 3],
    ['flow sensor*', 2], ['flowsensor*', 2], ['breathing circuit*', 3], ['intubat*', 2], ['ademhalings*', 1.5],
    ['ventilatoronderde*', 3], ['respiratory', 1.5], ['beademingsbal*', 3], ['ambu', 2],
  ],
  other: [
    ['handschoen*', 3], ['glove', 3], ['gloves', 3], ['nitril*', 2.5], ['latex', 1.5], ['vinyl', 1.5],
    ['gelaatsscherm*', 3.5], ['face shield*', 3.5], ['faceshield*', 3.5], ['spatscherm*', 3], ['visor*', 2.5],
    ['vizier*', 2.5], ['spatbril*', 3], ['goggles', 3], ['veiligheidsbril*', 3], ['safety glasses', 3],
    ['desinfect*', 3], ['disinfect*', 3], ['sanitiz*', 3], ['sanitis*', 3], ['handgel*', 3], ['hand gel*', 3],
    ['handalcohol', 3], ['alcohol', 1.5], ['ethanol', 1], ['3d print*', 3], ['3d geprint*', 3], ['3d printer*', 3],
    ['printen', 1], ['logistie*', 2.5], ['logistic*', 2.5], ['transport', 1], ['warehous*', 1.5], ['opslag', 1],
    ['certific*', 2.5], ['certificering*', 2.5], ['keuring*', 2.5], ['keuren', 2.5], ['testlaboratori*', 2.5],
    ['testlab', 2.5], ['test lab', 2.5], ['testing laborator*', 2.5], ['aangemelde instantie', 3], ['notified body', 3], ['accredit*', 1],
    ['thermomet*', 3], ['schoenhoes*', 2], ['shoe cover*', 2], ['haarnet*', 2], ['hair net*', 2],
    ['plexiglas*', 2.5], ['perspex', 2.5], ['spuitmond*', 1], ['ventilatie', 1.5], ['fan', 2], ['fans', 2.5],
    ['zeep', 2], ['soap', 2], ['uvc', 2.5], ['ozon', 2], ['bedden', 1.5], ['beds', 1.5], ['software', 1.5],
    ['app', 1], ['machines', 1], ['spuitgiet*', 1.5], ['injection mould*', 1.5], ['injection mold*', 1.5],
  ],
};

/**
 * Dutch "ventilator" is usually a fan. These words around it say a patient is being ventilated; without
 * them a Dutch ventilator counts as `other`. English text needs a fan word to flip it the other way.
 */
export const MEDICAL_CONTEXT: readonly string[] = [
  'beadem*', 'ic', 'icu', 'intensive', 'intensive care', 'patient*', 'medisch*', 'medical', 'ziekenhui*',
  'hospital*', 'zorg', 'ademhal*', 'respiratory', 'longen', 'lungs', 'invasive',
  'non invasive', 'oxygen', 'zuurstof*', 'ic bedden', 'icu beds',
];

export const FAN_CONTEXT: readonly string[] = [
  'koeling', 'cooling', 'airflow', 'luchtstroom', 'hvac', 'axia*', 'centrifuga*', 'blower*', 'industrial fan*',
  'ventilatie*', 'klimaat*', 'luchtbehandeling', 'air handling', 'koelen', 'fan', 'fans',
];
