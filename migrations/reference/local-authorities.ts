/**
 * Reference data: the bodies responsible for children's social care ("children's services authorities")
 * in each nation of the UK, keyed by their official code.
 *
 * Reflects the structure in force from 1 April 2025 (consistent with ONS LAD25/CTY25 codes): 212 rows.
 *   - England (153): every upper-tier authority with children's services duties, i.e. county councils
 *     (E10), unitary authorities (E06, incl. the Isles of Scilly), metropolitan districts (E08), the
 *     London boroughs and the City of London (E09). Post-April-2023 structure: Cumberland, Westmorland
 *     and Furness, North Yorkshire and Somerset are unitaries (E06000063-66); the Cumbria (E10000006),
 *     North Yorkshire (E10000023), Somerset (E10000027), Northamptonshire (E10000021), Buckinghamshire
 *     (E10000002) and Dorset (E10000009) county codes are gone. The count matches the 153 LAs in the
 *     DfE SSDA903 / children-looked-after statistics.
 *   - Wales (22): the principal councils (W06). Scotland (32): the council areas (S12, current codes).
 *   - Northern Ireland (5): the geographic Health and Social Care Trusts, which hold children's social
 *     services functions there (the 11 councils, N09, do not).
 *
 * Notes on codes:
 *   - Barnsley and Sheffield were recoded by ONS from 1 April 2025 after a minor boundary change
 *     (Barnsley E08000016 -> E08000038, Sheffield E08000019 -> E08000039). The current codes are used
 *     here; some DfE and DWP/Nomis datasets still publish the old ones, so map them on import if
 *     needed.
 *   - Kingston upon Thames and Richmond upon Thames share a children's services provider (Achieving for
 *     Children) but remain two statutory authorities and are listed separately, as DfE does.
 *   - Northern Ireland: ONS/GSS has no code for HSC Trusts (ONS-coded NI local geography is the 11
 *     Local Government Districts, N09), so the NHS Organisation Data Service (ODS) organisation codes
 *     for Northern Ireland Health and Social Care Trusts (ODS role RO154, "ZT" + 3 digits) are used.
 *     The Northern Ireland Ambulance Service HSC Trust is excluded (no children's social care role).
 *     The ZT001-ZT005 assignment could not be checked against an ODS extract when this list was
 *     compiled: confirm it against the ODS "Northern Ireland Trusts" file before relying on it. The
 *     DoH/NISRA short codes are BHSCT, NHSCT, SEHSCT, SHSCT and WHSCT.
 *
 * Sources: ONS LTLA/UTLA and county code lists (LAD21 names and codes as redistributed in the
 * DfE/Social Finance "Quality LAC Data" SSDA903 validator, data-to-insight/quality-lac-data-beta
 * src/data/la_map.csv, and a public copy of an ONS UTLA list for the E10 county codes); the 2023
 * reorganisation orders as mapped in public ONS-based lookups (E10000006 -> E06000063/E06000064,
 * E10000023 -> E06000065, E10000027 -> E06000066); ONS area pages for E08000038/E08000039 as cited in
 * public datasets; NISRA/DoH LGD-to-HSC-Trust coterminosity (humaniverse/geographr); the NHS ODS
 * reference data catalogue (Northern Ireland Trusts).
 * Names follow ONS styling (e.g. "Kingston upon Hull, City of", "St. Helens", "Na h-Eileanan Siar").
 *
 * Updating: once migrated, do not edit this list in place. When an authority is created, abolished or
 * recoded, copy the list, apply the change, date it, and ship a later migration that upserts the
 * revised list keyed on `code` (the code is the key; names may be corrected in place). Retirements must
 * be handled explicitly by that migration rather than by silent deletion, as existing case records may
 * reference the old code. Rows are sorted by nation (in the order of the Nation type), then by code.
 */

export type Nation = 'ENGLAND' | 'WALES' | 'SCOTLAND' | 'NORTHERN_IRELAND';

export interface LocalAuthorityRow {
  code: string;
  name: string;
  nation: Nation;
}

/** Children's services authorities of the UK, as of 1 April 2025. */
export const LOCAL_AUTHORITIES: readonly LocalAuthorityRow[] = [
  // England: 153 (21 county councils E10, 63 unitary authorities E06 incl. Isles of Scilly,
  // 36 metropolitan districts E08, 32 London boroughs + City of London E09).
  { code: 'E06000001', name: 'Hartlepool', nation: 'ENGLAND' },
  { code: 'E06000002', name: 'Middlesbrough', nation: 'ENGLAND' },
  { code: 'E06000003', name: 'Redcar and Cleveland', nation: 'ENGLAND' },
  { code: 'E06000004', name: 'Stockton-on-Tees', nation: 'ENGLAND' },
  { code: 'E06000005', name: 'Darlington', nation: 'ENGLAND' },
  { code: 'E06000006', name: 'Halton', nation: 'ENGLAND' },
  { code: 'E06000007', name: 'Warrington', nation: 'ENGLAND' },
  { code: 'E06000008', name: 'Blackburn with Darwen', nation: 'ENGLAND' },
  { code: 'E06000009', name: 'Blackpool', nation: 'ENGLAND' },
  { code: 'E06000010', name: 'Kingston upon Hull, City of', nation: 'ENGLAND' },
  { code: 'E06000011', name: 'East Riding of Yorkshire', nation: 'ENGLAND' },
  { code: 'E06000012', name: 'North East Lincolnshire', nation: 'ENGLAND' },
  { code: 'E06000013', name: 'North Lincolnshire', nation: 'ENGLAND' },
  { code: 'E06000014', name: 'York', nation: 'ENGLAND' },
  { code: 'E06000015', name: 'Derby', nation: 'ENGLAND' },
  { code: 'E06000016', name: 'Leicester', nation: 'ENGLAND' },
  { code: 'E06000017', name: 'Rutland', nation: 'ENGLAND' },
  { code: 'E06000018', name: 'Nottingham', nation: 'ENGLAND' },
  { code: 'E06000019', name: 'Herefordshire, County of', nation: 'ENGLAND' },
  { code: 'E06000020', name: 'Telford and Wrekin', nation: 'ENGLAND' },
  { code: 'E06000021', name: 'Stoke-on-Trent', nation: 'ENGLAND' },
  { code: 'E06000022', name: 'Bath and North East Somerset', nation: 'ENGLAND' },
  { code: 'E06000023', name: 'Bristol, City of', nation: 'ENGLAND' },
  { code: 'E06000024', name: 'North Somerset', nation: 'ENGLAND' },
  { code: 'E06000025', name: 'South Gloucestershire', nation: 'ENGLAND' },
  { code: 'E06000026', name: 'Plymouth', nation: 'ENGLAND' },
  { code: 'E06000027', name: 'Torbay', nation: 'ENGLAND' },
  { code: 'E06000030', name: 'Swindon', nation: 'ENGLAND' },
  { code: 'E06000031', name: 'Peterborough', nation: 'ENGLAND' },
  { code: 'E06000032', name: 'Luton', nation: 'ENGLAND' },
  { code: 'E06000033', name: 'Southend-on-Sea', nation: 'ENGLAND' },
  { code: 'E06000034', name: 'Thurrock', nation: 'ENGLAND' },
  { code: 'E06000035', name: 'Medway', nation: 'ENGLAND' },
  { code: 'E06000036', name: 'Bracknell Forest', nation: 'ENGLAND' },
  { code: 'E06000037', name: 'West Berkshire', nation: 'ENGLAND' },
  { code: 'E06000038', name: 'Reading', nation: 'ENGLAND' },
  { code: 'E06000039', name: 'Slough', nation: 'ENGLAND' },
  { code: 'E06000040', name: 'Windsor and Maidenhead', nation: 'ENGLAND' },
  { code: 'E06000041', name: 'Wokingham', nation: 'ENGLAND' },
  { code: 'E06000042', name: 'Milton Keynes', nation: 'ENGLAND' },
  { code: 'E06000043', name: 'Brighton and Hove', nation: 'ENGLAND' },
  { code: 'E06000044', name: 'Portsmouth', nation: 'ENGLAND' },
  { code: 'E06000045', name: 'Southampton', nation: 'ENGLAND' },
  { code: 'E06000046', name: 'Isle of Wight', nation: 'ENGLAND' },
  { code: 'E06000047', name: 'County Durham', nation: 'ENGLAND' },
  { code: 'E06000049', name: 'Cheshire East', nation: 'ENGLAND' },
  { code: 'E06000050', name: 'Cheshire West and Chester', nation: 'ENGLAND' },
  { code: 'E06000051', name: 'Shropshire', nation: 'ENGLAND' },
  { code: 'E06000052', name: 'Cornwall', nation: 'ENGLAND' },
  { code: 'E06000053', name: 'Isles of Scilly', nation: 'ENGLAND' },
  { code: 'E06000054', name: 'Wiltshire', nation: 'ENGLAND' },
  { code: 'E06000055', name: 'Bedford', nation: 'ENGLAND' },
  { code: 'E06000056', name: 'Central Bedfordshire', nation: 'ENGLAND' },
  { code: 'E06000057', name: 'Northumberland', nation: 'ENGLAND' },
  { code: 'E06000058', name: 'Bournemouth, Christchurch and Poole', nation: 'ENGLAND' },
  { code: 'E06000059', name: 'Dorset', nation: 'ENGLAND' },
  { code: 'E06000060', name: 'Buckinghamshire', nation: 'ENGLAND' },
  { code: 'E06000061', name: 'North Northamptonshire', nation: 'ENGLAND' },
  { code: 'E06000062', name: 'West Northamptonshire', nation: 'ENGLAND' },
  { code: 'E06000063', name: 'Cumberland', nation: 'ENGLAND' },
  { code: 'E06000064', name: 'Westmorland and Furness', nation: 'ENGLAND' },
  { code: 'E06000065', name: 'North Yorkshire', nation: 'ENGLAND' },
  { code: 'E06000066', name: 'Somerset', nation: 'ENGLAND' },
  { code: 'E08000001', name: 'Bolton', nation: 'ENGLAND' },
  { code: 'E08000002', name: 'Bury', nation: 'ENGLAND' },
  { code: 'E08000003', name: 'Manchester', nation: 'ENGLAND' },
  { code: 'E08000004', name: 'Oldham', nation: 'ENGLAND' },
  { code: 'E08000005', name: 'Rochdale', nation: 'ENGLAND' },
  { code: 'E08000006', name: 'Salford', nation: 'ENGLAND' },
  { code: 'E08000007', name: 'Stockport', nation: 'ENGLAND' },
  { code: 'E08000008', name: 'Tameside', nation: 'ENGLAND' },
  { code: 'E08000009', name: 'Trafford', nation: 'ENGLAND' },
  { code: 'E08000010', name: 'Wigan', nation: 'ENGLAND' },
  { code: 'E08000011', name: 'Knowsley', nation: 'ENGLAND' },
  { code: 'E08000012', name: 'Liverpool', nation: 'ENGLAND' },
  { code: 'E08000013', name: 'St. Helens', nation: 'ENGLAND' },
  { code: 'E08000014', name: 'Sefton', nation: 'ENGLAND' },
  { code: 'E08000015', name: 'Wirral', nation: 'ENGLAND' },
  { code: 'E08000017', name: 'Doncaster', nation: 'ENGLAND' },
  { code: 'E08000018', name: 'Rotherham', nation: 'ENGLAND' },
  { code: 'E08000021', name: 'Newcastle upon Tyne', nation: 'ENGLAND' },
  { code: 'E08000022', name: 'North Tyneside', nation: 'ENGLAND' },
  { code: 'E08000023', name: 'South Tyneside', nation: 'ENGLAND' },
  { code: 'E08000024', name: 'Sunderland', nation: 'ENGLAND' },
  { code: 'E08000025', name: 'Birmingham', nation: 'ENGLAND' },
  { code: 'E08000026', name: 'Coventry', nation: 'ENGLAND' },
  { code: 'E08000027', name: 'Dudley', nation: 'ENGLAND' },
  { code: 'E08000028', name: 'Sandwell', nation: 'ENGLAND' },
  { code: 'E08000029', name: 'Solihull', nation: 'ENGLAND' },
  { code: 'E08000030', name: 'Walsall', nation: 'ENGLAND' },
  { code: 'E08000031', name: 'Wolverhampton', nation: 'ENGLAND' },
  { code: 'E08000032', name: 'Bradford', nation: 'ENGLAND' },
  { code: 'E08000033', name: 'Calderdale', nation: 'ENGLAND' },
  { code: 'E08000034', name: 'Kirklees', nation: 'ENGLAND' },
  { code: 'E08000035', name: 'Leeds', nation: 'ENGLAND' },
  { code: 'E08000036', name: 'Wakefield', nation: 'ENGLAND' },
  { code: 'E08000037', name: 'Gateshead', nation: 'ENGLAND' },
  { code: 'E08000038', name: 'Barnsley', nation: 'ENGLAND' },
  { code: 'E08000039', name: 'Sheffield', nation: 'ENGLAND' },
  { code: 'E09000001', name: 'City of London', nation: 'ENGLAND' },
  { code: 'E09000002', name: 'Barking and Dagenham', nation: 'ENGLAND' },
  { code: 'E09000003', name: 'Barnet', nation: 'ENGLAND' },
  { code: 'E09000004', name: 'Bexley', nation: 'ENGLAND' },
  { code: 'E09000005', name: 'Brent', nation: 'ENGLAND' },
  { code: 'E09000006', name: 'Bromley', nation: 'ENGLAND' },
  { code: 'E09000007', name: 'Camden', nation: 'ENGLAND' },
  { code: 'E09000008', name: 'Croydon', nation: 'ENGLAND' },
  { code: 'E09000009', name: 'Ealing', nation: 'ENGLAND' },
  { code: 'E09000010', name: 'Enfield', nation: 'ENGLAND' },
  { code: 'E09000011', name: 'Greenwich', nation: 'ENGLAND' },
  { code: 'E09000012', name: 'Hackney', nation: 'ENGLAND' },
  { code: 'E09000013', name: 'Hammersmith and Fulham', nation: 'ENGLAND' },
  { code: 'E09000014', name: 'Haringey', nation: 'ENGLAND' },
  { code: 'E09000015', name: 'Harrow', nation: 'ENGLAND' },
  { code: 'E09000016', name: 'Havering', nation: 'ENGLAND' },
  { code: 'E09000017', name: 'Hillingdon', nation: 'ENGLAND' },
  { code: 'E09000018', name: 'Hounslow', nation: 'ENGLAND' },
  { code: 'E09000019', name: 'Islington', nation: 'ENGLAND' },
  { code: 'E09000020', name: 'Kensington and Chelsea', nation: 'ENGLAND' },
  { code: 'E09000021', name: 'Kingston upon Thames', nation: 'ENGLAND' },
  { code: 'E09000022', name: 'Lambeth', nation: 'ENGLAND' },
  { code: 'E09000023', name: 'Lewisham', nation: 'ENGLAND' },
  { code: 'E09000024', name: 'Merton', nation: 'ENGLAND' },
  { code: 'E09000025', name: 'Newham', nation: 'ENGLAND' },
  { code: 'E09000026', name: 'Redbridge', nation: 'ENGLAND' },
  { code: 'E09000027', name: 'Richmond upon Thames', nation: 'ENGLAND' },
  { code: 'E09000028', name: 'Southwark', nation: 'ENGLAND' },
  { code: 'E09000029', name: 'Sutton', nation: 'ENGLAND' },
  { code: 'E09000030', name: 'Tower Hamlets', nation: 'ENGLAND' },
  { code: 'E09000031', name: 'Waltham Forest', nation: 'ENGLAND' },
  { code: 'E09000032', name: 'Wandsworth', nation: 'ENGLAND' },
  { code: 'E09000033', name: 'Westminster', nation: 'ENGLAND' },
  { code: 'E10000003', name: 'Cambridgeshire', nation: 'ENGLAND' },
  { code: 'E10000007', name: 'Derbyshire', nation: 'ENGLAND' },
  { code: 'E10000008', name: 'Devon', nation: 'ENGLAND' },
  { code: 'E10000011', name: 'East Sussex', nation: 'ENGLAND' },
  { code: 'E10000012', name: 'Essex', nation: 'ENGLAND' },
  { code: 'E10000013', name: 'Gloucestershire', nation: 'ENGLAND' },
  { code: 'E10000014', name: 'Hampshire', nation: 'ENGLAND' },
  { code: 'E10000015', name: 'Hertfordshire', nation: 'ENGLAND' },
  { code: 'E10000016', name: 'Kent', nation: 'ENGLAND' },
  { code: 'E10000017', name: 'Lancashire', nation: 'ENGLAND' },
  { code: 'E10000018', name: 'Leicestershire', nation: 'ENGLAND' },
  { code: 'E10000019', name: 'Lincolnshire', nation: 'ENGLAND' },
  { code: 'E10000020', name: 'Norfolk', nation: 'ENGLAND' },
  { code: 'E10000024', name: 'Nottinghamshire', nation: 'ENGLAND' },
  { code: 'E10000025', name: 'Oxfordshire', nation: 'ENGLAND' },
  { code: 'E10000028', name: 'Staffordshire', nation: 'ENGLAND' },
  { code: 'E10000029', name: 'Suffolk', nation: 'ENGLAND' },
  { code: 'E10000030', name: 'Surrey', nation: 'ENGLAND' },
  { code: 'E10000031', name: 'Warwickshire', nation: 'ENGLAND' },
  { code: 'E10000032', name: 'West Sussex', nation: 'ENGLAND' },
  { code: 'E10000034', name: 'Worcestershire', nation: 'ENGLAND' },
  // Wales: the 22 principal councils (W06).
  { code: 'W06000001', name: 'Isle of Anglesey', nation: 'WALES' },
  { code: 'W06000002', name: 'Gwynedd', nation: 'WALES' },
  { code: 'W06000003', name: 'Conwy', nation: 'WALES' },
  { code: 'W06000004', name: 'Denbighshire', nation: 'WALES' },
  { code: 'W06000005', name: 'Flintshire', nation: 'WALES' },
  { code: 'W06000006', name: 'Wrexham', nation: 'WALES' },
  { code: 'W06000008', name: 'Ceredigion', nation: 'WALES' },
  { code: 'W06000009', name: 'Pembrokeshire', nation: 'WALES' },
  { code: 'W06000010', name: 'Carmarthenshire', nation: 'WALES' },
  { code: 'W06000011', name: 'Swansea', nation: 'WALES' },
  { code: 'W06000012', name: 'Neath Port Talbot', nation: 'WALES' },
  { code: 'W06000013', name: 'Bridgend', nation: 'WALES' },
  { code: 'W06000014', name: 'Vale of Glamorgan', nation: 'WALES' },
  { code: 'W06000015', name: 'Cardiff', nation: 'WALES' },
  { code: 'W06000016', name: 'Rhondda Cynon Taf', nation: 'WALES' },
  { code: 'W06000018', name: 'Caerphilly', nation: 'WALES' },
  { code: 'W06000019', name: 'Blaenau Gwent', nation: 'WALES' },
  { code: 'W06000020', name: 'Torfaen', nation: 'WALES' },
  { code: 'W06000021', name: 'Monmouthshire', nation: 'WALES' },
  { code: 'W06000022', name: 'Newport', nation: 'WALES' },
  { code: 'W06000023', name: 'Powys', nation: 'WALES' },
  { code: 'W06000024', name: 'Merthyr Tydfil', nation: 'WALES' },
  // Scotland: the 32 council areas (S12).
  { code: 'S12000005', name: 'Clackmannanshire', nation: 'SCOTLAND' },
  { code: 'S12000006', name: 'Dumfries and Galloway', nation: 'SCOTLAND' },
  { code: 'S12000008', name: 'East Ayrshire', nation: 'SCOTLAND' },
  { code: 'S12000010', name: 'East Lothian', nation: 'SCOTLAND' },
  { code: 'S12000011', name: 'East Renfrewshire', nation: 'SCOTLAND' },
  { code: 'S12000013', name: 'Na h-Eileanan Siar', nation: 'SCOTLAND' },
  { code: 'S12000014', name: 'Falkirk', nation: 'SCOTLAND' },
  { code: 'S12000017', name: 'Highland', nation: 'SCOTLAND' },
  { code: 'S12000018', name: 'Inverclyde', nation: 'SCOTLAND' },
  { code: 'S12000019', name: 'Midlothian', nation: 'SCOTLAND' },
  { code: 'S12000020', name: 'Moray', nation: 'SCOTLAND' },
  { code: 'S12000021', name: 'North Ayrshire', nation: 'SCOTLAND' },
  { code: 'S12000023', name: 'Orkney Islands', nation: 'SCOTLAND' },
  { code: 'S12000026', name: 'Scottish Borders', nation: 'SCOTLAND' },
  { code: 'S12000027', name: 'Shetland Islands', nation: 'SCOTLAND' },
  { code: 'S12000028', name: 'South Ayrshire', nation: 'SCOTLAND' },
  { code: 'S12000029', name: 'South Lanarkshire', nation: 'SCOTLAND' },
  { code: 'S12000030', name: 'Stirling', nation: 'SCOTLAND' },
  { code: 'S12000033', name: 'Aberdeen City', nation: 'SCOTLAND' },
  { code: 'S12000034', name: 'Aberdeenshire', nation: 'SCOTLAND' },
  { code: 'S12000035', name: 'Argyll and Bute', nation: 'SCOTLAND' },
  { code: 'S12000036', name: 'City of Edinburgh', nation: 'SCOTLAND' },
  { code: 'S12000038', name: 'Renfrewshire', nation: 'SCOTLAND' },
  { code: 'S12000039', name: 'West Dunbartonshire', nation: 'SCOTLAND' },
  { code: 'S12000040', name: 'West Lothian', nation: 'SCOTLAND' },
  { code: 'S12000041', name: 'Angus', nation: 'SCOTLAND' },
  { code: 'S12000042', name: 'Dundee City', nation: 'SCOTLAND' },
  { code: 'S12000045', name: 'East Dunbartonshire', nation: 'SCOTLAND' },
  { code: 'S12000047', name: 'Fife', nation: 'SCOTLAND' },
  { code: 'S12000048', name: 'Perth and Kinross', nation: 'SCOTLAND' },
  { code: 'S12000049', name: 'Glasgow City', nation: 'SCOTLAND' },
  { code: 'S12000050', name: 'North Lanarkshire', nation: 'SCOTLAND' },
  // Northern Ireland: the 5 geographic HSC Trusts (NHS ODS organisation codes, role RO154; see note above).
  { code: 'ZT001', name: 'Belfast Health and Social Care Trust', nation: 'NORTHERN_IRELAND' },
  { code: 'ZT002', name: 'Northern Health and Social Care Trust', nation: 'NORTHERN_IRELAND' },
  { code: 'ZT003', name: 'South Eastern Health and Social Care Trust', nation: 'NORTHERN_IRELAND' },
  { code: 'ZT004', name: 'Southern Health and Social Care Trust', nation: 'NORTHERN_IRELAND' },
  { code: 'ZT005', name: 'Western Health and Social Care Trust', nation: 'NORTHERN_IRELAND' },
];
