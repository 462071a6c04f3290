import { AgeAssessmentOutcome } from '@haven/age-assessment';
import {
  ArrivalRoute as Route,
  CaseClosureReason,
  ExploitationType as X,
  ImmigrationStatus as Leave,
  LegalStatus,
  NationalityBasis as Basis,
  NrmDecision,
} from '@haven/children';
import { DurableSolutionOption, DurableSolutionStatus } from '@haven/durable-solutions';
import { ContactMode } from '@haven/guardianship';
import { MeetingType } from '@haven/meetings';
import { FoundBy, PoliceRiskLevel } from '@haven/missing';
import { PlacementEndReason, PlacementType } from '@haven/placements';
import { Agency } from '@haven/platform';

/**
 * The reference tables the national data set is drawn from: who the children are (by nationality,
 * following the patterns UK NRM and UASC statistics show), where they are looked after, and the free
 * text practitioners write. Weights are relative; names keep their diacritics, as records do.
 */

/** Options with relative weights. */
export type Weighted<T> = readonly (readonly [T, number])[];

/** A list of names written as one comma-separated string, so that long lists stay compact. */
function list(names: string): readonly string[] {
  return names.split(', ');
}

export interface NationalityProfile {
  /** ISO 3166 code; null for stateless or unknown nationality. */
  nationality: string | null;
  weight: number;
  maleShare: number;
  /** Arrived without a parent: unaccompanied asylum-seeking or separated, as opposed to a UK child. */
  arrival: 'UNACCOMPANIED' | 'SEPARATED' | 'INTERNAL';
  traffickedRate: number;
  /** Share of the (potentially) trafficked referred into the NRM. */
  nrmRate: number;
  /** Share of the others with exploitation indicators ("at risk"). */
  atRiskRate: number;
  missingRate: number;
  ageDisputeRate: number;
  basis: Weighted<Basis | null>;
  routes: Weighted<Route>;
  /** Immigration status once a claim has been decided (a recent claim is still pending). */
  immigration: Weighted<Leave>;
  exploitation: { male: Weighted<readonly X[]>; female: Weighted<readonly X[]> };
  languages: Weighted<readonly string[]>;
  regions: readonly string[];
  given: { male: readonly string[]; female: readonly string[] };
  /** null: one name only is usually recorded. */
  family: readonly string[] | null;
  /** English or street names exploiters give children of this nationality. */
  exploiterNames: readonly string[];
  /** Names recorded family-name first (the reversed order is an alias). */
  familyFirst?: boolean;
}

const UASC_LEGAL: Weighted<LegalStatus> = [
  [LegalStatus.S20_ACCOMMODATED, 85],
  [LegalStatus.CARE_ORDER, 4],
  [LegalStatus.INTERIM_CARE_ORDER, 3],
  [LegalStatus.POLICE_PROTECTION, 6],
  [LegalStatus.OTHER, 2],
];

/**
 * Whether anyone in the UK holds parental responsibility (null: not known), by how the child came into
 * care: UK children mostly have parents here (who share it with the authority under a care order);
 * separated children sometimes a relative who holds it, often nobody, and often nobody yet knows; an
 * unaccompanied child has no one (national.ts records that, whatever the profile).
 */
export const PARENTAL_RESPONSIBILITY_IN_UK: Record<
  NationalityProfile['arrival'],
  Weighted<boolean | null>
> = {
  UNACCOMPANIED: [
    [false, 85],
    [null, 15],
  ],
  SEPARATED: [
    [true, 25],
    [false, 35],
    [null, 40],
  ],
  INTERNAL: [
    [true, 80],
    [false, 8],
    [null, 12],
  ],
};

/** The legal basis a child is looked after on, by how they came into care. */
export const LEGAL_STATUS: Record<NationalityProfile['arrival'], Weighted<LegalStatus>> = {
  UNACCOMPANIED: UASC_LEGAL,
  SEPARATED: [
    [LegalStatus.S20_ACCOMMODATED, 45],
    [LegalStatus.POLICE_PROTECTION, 20],
    [LegalStatus.INTERIM_CARE_ORDER, 15],
    [LegalStatus.CARE_ORDER, 15],
    [LegalStatus.CHILD_IN_NEED, 5],
  ],
  INTERNAL: [
    [LegalStatus.CARE_ORDER, 35],
    [LegalStatus.INTERIM_CARE_ORDER, 15],
    [LegalStatus.S20_ACCOMMODATED, 25],
    [LegalStatus.POLICE_PROTECTION, 5],
    [LegalStatus.CHILD_IN_NEED, 20],
  ],
};

const SMALL_BOAT: Weighted<Route> = [
  [Route.CLANDESTINE_ENTRY, 85],
  [Route.PORT_OF_ENTRY, 5],
  [Route.UNKNOWN, 10],
];
const CLAIMED: Weighted<Basis | null> = [
  [Basis.CLAIMED, 80],
  [Basis.SUSPECTED, 12],
  [Basis.DOCUMENTED, 8],
];
const ASYLUM_GRANTED_OFTEN: Weighted<Leave> = [
  [Leave.REFUGEE_STATUS, 50],
  [Leave.ASYLUM_CLAIM_PENDING, 20],
  [Leave.HUMANITARIAN_PROTECTION, 10],
  [Leave.UASC_LEAVE, 12],
  [Leave.REFUSED_APPEAL_PENDING, 8],
];
const ASYLUM_REFUSED_OFTEN: Weighted<Leave> = [
  [Leave.ASYLUM_CLAIM_PENDING, 35],
  [Leave.REFUSED_APPEAL_PENDING, 20],
  [Leave.UASC_LEAVE, 15],
  [Leave.DISCRETIONARY_LEAVE, 10],
  [Leave.NO_LEAVE, 10],
  [Leave.REFUGEE_STATUS, 6],
  [Leave.HUMANITARIAN_PROTECTION, 4],
];
const LABOUR_IN_TRANSIT: { male: Weighted<readonly X[]>; female: Weighted<readonly X[]> } = {
  male: [
    [[X.LABOUR], 45],
    [[X.UNKNOWN], 35],
    [[X.SEXUAL], 6],
    [[X.CRIMINAL_COUNTY_LINES], 6],
    [[X.CRIMINAL_THEFT], 4],
    [[X.LABOUR, X.SEXUAL], 3],
    [[X.ORGAN_REMOVAL], 1],
  ],
  female: [
    [[X.SEXUAL], 55],
    [[X.DOMESTIC_SERVITUDE], 20],
    [[X.SEXUAL, X.DOMESTIC_SERVITUDE], 8],
    [[X.LABOUR], 7],
    [[X.UNKNOWN], 10],
  ],
};

export const NATIONALITIES: readonly NationalityProfile[] = [
  {
    nationality: 'GB',
    weight: 30,
    maleShare: 0.62,
    arrival: 'INTERNAL',
    traffickedRate: 0.62,
    nrmRate: 0.84,
    atRiskRate: 0.9,
    missingRate: 0.39,
    ageDisputeRate: 0,
    basis: [
      [Basis.DOCUMENTED, 95],
      [Basis.CLAIMED, 5],
    ],
    routes: [[Route.INTERNAL, 1]],
    immigration: [[Leave.BRITISH_OR_SETTLED, 1]],
    exploitation: {
      male: [
        [[X.CRIMINAL_COUNTY_LINES], 55],
        [[X.CRIMINAL_COUNTY_LINES, X.CRIMINAL_THEFT], 6],
        [[X.CRIMINAL_COUNTY_LINES, X.SEXUAL], 4],
        [[X.CRIMINAL_THEFT], 6],
        [[X.SEXUAL], 8],
        [[X.CRIMINAL_CANNABIS_CULTIVATION], 2],
        [[X.UNKNOWN], 10],
      ],
      female: [
        [[X.SEXUAL], 60],
        [[X.SEXUAL, X.CRIMINAL_COUNTY_LINES], 12],
        [[X.CRIMINAL_COUNTY_LINES], 12],
        [[X.DOMESTIC_SERVITUDE], 2],
        [[X.UNKNOWN], 8],
      ],
    },
    languages: [[['English'], 1]],
    regions: [],
    given: {
      male: list(
        'Kayden, Leon, Tyler, Jayden, Callum, Harvey, Charlie, Alfie, Liam, Mason, Riley, Kai, Jordan, Reece, Connor, Lewis, Josh, Ethan, Tyrese, Marcus, Jamal, Kieran, Declan, Rhys, Euan, Dylan, Ashton, Bradley, Ronan, Zain',
      ),
      female: list(
        'Chloe, Ellie, Amelia, Jessica, Lily, Mia, Sophie, Holly, Megan, Paige, Shannon, Kayla, Demi, Courtney, Niamh, Eilidh, Seren, Aaliyah, Keira, Leah, Caitlin, Tia',
      ),
    },
    family: list(
      "Smith, Jones, Williams, Brown, Taylor, Davies, Evans, Wilson, Thomas, Johnson, Roberts, Walker, Wright, Robinson, Thompson, Hughes, Campbell, Murphy, O'Neill, McLaughlin, Kelly, Ahmed, Khan, Hussain, Begum, Clarke, Patel, Francis, MacDonald, Stewart, Griffiths, Morgan, Baker, Ali, Mensah, Okafor",
    ),
    exploiterNames: list('K, Tiny, Lil Man, Youngs, Bones, Ghost, Smokey, Snowy, Junior, Zed, Chops'),
  },
  {
    nationality: 'AL',
    weight: 11,
    maleShare: 0.93,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.8,
    nrmRate: 0.92,
    atRiskRate: 0.6,
    missingRate: 0.35,
    ageDisputeRate: 0.12,
    basis: [
      [Basis.CLAIMED, 60],
      [Basis.DOCUMENTED, 35],
      [Basis.SUSPECTED, 5],
    ],
    routes: [
      [Route.CLANDESTINE_ENTRY, 80],
      [Route.PORT_OF_ENTRY, 10],
      [Route.UNKNOWN, 10],
    ],
    immigration: [
      [Leave.ASYLUM_CLAIM_PENDING, 40],
      [Leave.REFUSED_APPEAL_PENDING, 20],
      [Leave.NO_LEAVE, 10],
      [Leave.DISCRETIONARY_LEAVE, 10],
      [Leave.UASC_LEAVE, 10],
      [Leave.REFUGEE_STATUS, 5],
      [Leave.HUMANITARIAN_PROTECTION, 5],
    ],
    exploitation: {
      male: [
        [[X.CRIMINAL_COUNTY_LINES], 35],
        [[X.CRIMINAL_CANNABIS_CULTIVATION], 25],
        [[X.LABOUR], 20],
        [[X.CRIMINAL_COUNTY_LINES, X.CRIMINAL_CANNABIS_CULTIVATION], 5],
        [[X.CRIMINAL_THEFT], 5],
        [[X.UNKNOWN], 10],
      ],
      female: [
        [[X.SEXUAL], 65],
        [[X.DOMESTIC_SERVITUDE], 15],
        [[X.LABOUR], 10],
        [[X.UNKNOWN], 10],
      ],
    },
    languages: [
      [['Albanian'], 90],
      [['Albanian', 'English'], 10],
    ],
    regions: list('Kukës, Shkodër, Tirana, Durrës, Elbasan, Lezhë, Dibër, Fier'),
    given: {
      male: list(
        'Ardit, Klajdi, Erion, Endri, Arbër, Dritan, Elton, Kristi, Mario, Xhoni, Enea, Fjorid, Florian, Ergi, Redi, Besnik, Arjan, Gëzim, Ilir, Klevis, Jurgen',
      ),
      female: list('Elira, Klea, Jona, Sara, Ermira, Anisa, Brikena, Albana, Dorina, Xhesika'),
    },
    family: list(
      'Hoxha, Shehu, Gjoka, Krasniqi, Berisha, Çela, Dervishi, Kola, Leka, Marku, Prifti, Hysa, Shkurti, Meta, Gjoni, Daci, Kuka, Lika, Tafa, Bregu, Zeqiri, Mëhilli',
    ),
    exploiterNames: ['Bledi', 'Toni', 'Mimi', 'Lulzim'],
  },
  {
    nationality: 'VN',
    weight: 8,
    maleShare: 0.78,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.88,
    nrmRate: 0.92,
    atRiskRate: 0.8,
    missingRate: 0.39,
    ageDisputeRate: 0.2,
    basis: [
      [Basis.CLAIMED, 70],
      [Basis.SUSPECTED, 20],
      [Basis.DOCUMENTED, 10],
    ],
    routes: [
      [Route.CLANDESTINE_ENTRY, 85],
      [Route.PORT_OF_ENTRY, 5],
      [Route.UNKNOWN, 10],
    ],
    immigration: ASYLUM_REFUSED_OFTEN,
    exploitation: {
      male: [
        [[X.CRIMINAL_CANNABIS_CULTIVATION], 65],
        [[X.LABOUR], 10],
        [[X.CRIMINAL_CANNABIS_CULTIVATION, X.LABOUR], 8],
        [[X.CRIMINAL_COUNTY_LINES], 5],
        [[X.UNKNOWN], 8],
        [[X.SEXUAL], 4],
      ],
      female: [
        [[X.LABOUR], 45],
        [[X.SEXUAL], 35],
        [[X.LABOUR, X.SEXUAL], 10],
        [[X.DOMESTIC_SERVITUDE], 5],
        [[X.UNKNOWN], 5],
      ],
    },
    languages: [[['Vietnamese'], 1]],
    regions: list('Nghệ An, Hà Tĩnh, Quảng Bình, Hải Phòng, Thanh Hóa, Hà Nội'),
    given: {
      male: list(
        'Minh, Hùng, Tuấn, Đức, Nam, Huy, Long, Quang, Thành, Phúc, Khánh, Văn Hùng, Văn Minh, Bảo, Dũng, Hiếu, Trung, Văn Long',
      ),
      female: list('Lan, Thị Lan, Hoa, Linh, Ngọc, Hương, Mai, Thảo, Trang, Thu, Hằng, Phương'),
    },
    family: list('Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý'),
    exploiterNames: list('Tony, Jimmy, Kevin, Peter, Lucy, Linda, Anna, Lily'),
    familyFirst: true,
  },
  {
    nationality: 'SD',
    weight: 8,
    maleShare: 0.96,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.3,
    nrmRate: 0.85,
    atRiskRate: 0.25,
    missingRate: 0.16,
    ageDisputeRate: 0.32,
    basis: CLAIMED,
    routes: SMALL_BOAT,
    immigration: ASYLUM_GRANTED_OFTEN,
    exploitation: LABOUR_IN_TRANSIT,
    languages: [
      [['Arabic'], 85],
      [['Arabic', 'Fur'], 8],
      [['Arabic', 'Masalit'], 7],
    ],
    regions: ['Darfur', 'Khartoum', 'Kordofan', 'Blue Nile', 'Kassala'],
    given: {
      male: list(
        'Mohammed, Ahmed, Osman, Abdelrahman, Mustafa, Ibrahim, Omer, Yousif, Adam, Hamza, Abdallah, Musa, Salih, Elfatih, Mujahid',
      ),
      female: list('Fatima, Amna, Hawa, Mariam, Aisha, Safa'),
    },
    family: list(
      'Osman, Ahmed, Abdalla, Elhassan, Hamid, Ishag, Yagoub, Mohamed, Adam, Babiker, Elamin, Abdelkarim, Suleiman, Haroun',
    ),
    exploiterNames: ['Abu Ali', 'Sudani'],
  },
  {
    nationality: 'AF',
    weight: 8,
    maleShare: 0.97,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.3,
    nrmRate: 0.85,
    atRiskRate: 0.3,
    missingRate: 0.17,
    ageDisputeRate: 0.35,
    basis: CLAIMED,
    routes: SMALL_BOAT,
    immigration: ASYLUM_GRANTED_OFTEN,
    exploitation: {
      male: [
        [[X.LABOUR], 40],
        [[X.UNKNOWN], 35],
        [[X.SEXUAL], 10],
        [[X.CRIMINAL_COUNTY_LINES], 5],
        [[X.CRIMINAL_THEFT], 5],
        [[X.LABOUR, X.SEXUAL], 5],
      ],
      female: LABOUR_IN_TRANSIT.female,
    },
    languages: [
      [['Pashto'], 45],
      [['Dari'], 35],
      [['Dari', 'Pashto'], 15],
      [['Hazaragi'], 5],
    ],
    regions: list('Nangarhar, Kabul, Kunduz, Helmand, Ghazni, Herat, Logar, Laghman'),
    given: {
      male: list(
        'Ahmad, Mohammad, Ali, Hamid, Farid, Mustafa, Sayed, Jawad, Bilal, Naveed, Rahmatullah, Samiullah, Wahid, Hamidullah, Zabihullah, Noorullah, Shafiq, Idris',
      ),
      female: list('Zahra, Maryam, Fatima, Shabnam, Parisa, Mursal'),
    },
    family: list(
      'Rahimi, Ahmadzai, Karimi, Popal, Sultani, Noori, Hakimi, Safi, Stanikzai, Hussaini, Mohammadi, Amiri, Wardak, Khan, Shinwari, Sadat',
    ),
    exploiterNames: ['Kaka', 'Agha'],
  },
  {
    nationality: 'ER',
    weight: 7,
    maleShare: 0.85,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.35,
    nrmRate: 0.85,
    atRiskRate: 0.3,
    missingRate: 0.16,
    ageDisputeRate: 0.25,
    basis: [
      [Basis.CLAIMED, 85],
      [Basis.SUSPECTED, 15],
    ],
    routes: SMALL_BOAT,
    immigration: [
      [Leave.REFUGEE_STATUS, 60],
      [Leave.ASYLUM_CLAIM_PENDING, 20],
      [Leave.HUMANITARIAN_PROTECTION, 8],
      [Leave.UASC_LEAVE, 8],
      [Leave.REFUSED_APPEAL_PENDING, 4],
    ],
    exploitation: LABOUR_IN_TRANSIT,
    languages: [
      [['Tigrinya'], 75],
      [['Tigrinya', 'Arabic'], 20],
      [['Tigre'], 5],
    ],
    regions: ['Asmara', 'Debub', 'Gash-Barka', 'Anseba', 'Maekel'],
    given: {
      male: list(
        'Dawit, Yonas, Kidane, Filmon, Merhawi, Biniam, Samuel, Robel, Semere, Henok, Aman, Mebrahtu, Efrem, Natnael, Yohannes, Tesfalem',
      ),
      female: list('Senait, Helen, Selam, Luwam, Saba, Feven, Rahel, Winta, Yordanos, Eden'),
    },
    family: list(
      'Tesfay, Haile, Gebremedhin, Weldemichael, Kidane, Tekle, Berhane, Ghebreyesus, Mehari, Abraha, Yohannes, Habte, Gebru, Kahsay, Tsegay',
    ),
    exploiterNames: ['Wedi', 'Abu Hassan'],
  },
  {
    nationality: 'IR',
    weight: 5,
    maleShare: 0.93,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.22,
    nrmRate: 0.85,
    atRiskRate: 0.25,
    missingRate: 0.14,
    ageDisputeRate: 0.3,
    basis: CLAIMED,
    routes: SMALL_BOAT,
    immigration: [
      [Leave.ASYLUM_CLAIM_PENDING, 40],
      [Leave.REFUGEE_STATUS, 35],
      [Leave.REFUSED_APPEAL_PENDING, 15],
      [Leave.UASC_LEAVE, 5],
      [Leave.HUMANITARIAN_PROTECTION, 5],
    ],
    exploitation: LABOUR_IN_TRANSIT,
    languages: [
      [['Kurdish (Sorani)'], 50],
      [['Farsi'], 35],
      [['Kurdish (Sorani)', 'Farsi'], 15],
    ],
    regions: ['Kermanshah', 'Kurdistan Province', 'West Azerbaijan', 'Tehran', 'Ilam'],
    given: {
      male: list('Amir, Reza, Hossein, Mehdi, Aram, Karwan, Soran, Hiwa, Dara, Milad, Sina, Arman, Peshawa'),
      female: ['Shirin', 'Nasrin', 'Leila', 'Rojin', 'Zhila'],
    },
    family: list(
      'Mohammadi, Ahmadi, Rahmani, Karimi, Hosseini, Azizi, Rezaei, Moradi, Heidari, Jafari, Sharifi, Amini',
    ),
    exploiterNames: ['Kak Hama'],
  },
  {
    nationality: 'IQ',
    weight: 4.5,
    maleShare: 0.95,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.25,
    nrmRate: 0.85,
    atRiskRate: 0.25,
    missingRate: 0.16,
    ageDisputeRate: 0.3,
    basis: CLAIMED,
    routes: SMALL_BOAT,
    immigration: [
      [Leave.ASYLUM_CLAIM_PENDING, 40],
      [Leave.REFUSED_APPEAL_PENDING, 20],
      [Leave.REFUGEE_STATUS, 20],
      [Leave.UASC_LEAVE, 10],
      [Leave.HUMANITARIAN_PROTECTION, 5],
      [Leave.NO_LEAVE, 5],
    ],
    exploitation: LABOUR_IN_TRANSIT,
    languages: [
      [['Kurdish (Sorani)'], 60],
      [['Arabic'], 25],
      [['Kurdish (Badini)'], 15],
    ],
    regions: list('Sulaymaniyah, Erbil, Duhok, Kirkuk, Halabja, Mosul, Baghdad'),
    given: {
      male: list(
        'Karwan, Hawkar, Rebwar, Shvan, Zana, Ahmed, Ali, Hussein, Mohammed, Dilshad, Hemin, Aland, Baxtiyar, Sherzad',
      ),
      female: ['Sara', 'Zhino', 'Noor', 'Rezan', 'Shilan'],
    },
    family: list('Abdullah, Hassan, Mahmood, Rasul, Kareem, Omar, Aziz, Salih, Qadir, Hama, Ismail'),
    exploiterNames: ['Kak Rebin'],
  },
  {
    nationality: 'SY',
    weight: 3,
    maleShare: 0.85,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.15,
    nrmRate: 0.8,
    atRiskRate: 0.2,
    missingRate: 0.09,
    ageDisputeRate: 0.2,
    basis: CLAIMED,
    routes: [
      [Route.CLANDESTINE_ENTRY, 70],
      [Route.PORT_OF_ENTRY, 20],
      [Route.UNKNOWN, 10],
    ],
    immigration: [
      [Leave.REFUGEE_STATUS, 70],
      [Leave.ASYLUM_CLAIM_PENDING, 20],
      [Leave.HUMANITARIAN_PROTECTION, 10],
    ],
    exploitation: LABOUR_IN_TRANSIT,
    languages: [
      [['Arabic'], 80],
      [['Kurdish (Kurmanji)', 'Arabic'], 20],
    ],
    regions: list('Aleppo, Idlib, Damascus, Homs, Daraa, Al-Hasakah, Deir ez-Zor'),
    given: {
      male: list('Mohammad, Ahmad, Omar, Khaled, Yusuf, Abdullah, Hasan, Mahmoud, Rami, Ammar, Firas, Tarek'),
      female: list('Amira, Hala, Rasha, Nour, Layla, Rana, Yara'),
    },
    family: list(
      'Hassan, Al-Ahmad, Haddad, Khalil, Al-Hussein, Darwish, Al-Ali, Ibrahim, Suleiman, Othman, Al-Khatib, Hamdan',
    ),
    exploiterNames: ['Abu Omar'],
  },
  {
    nationality: 'ET',
    weight: 3,
    maleShare: 0.8,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.35,
    nrmRate: 0.85,
    atRiskRate: 0.3,
    missingRate: 0.16,
    ageDisputeRate: 0.25,
    basis: CLAIMED,
    routes: SMALL_BOAT,
    immigration: ASYLUM_GRANTED_OFTEN,
    exploitation: LABOUR_IN_TRANSIT,
    languages: [
      [['Amharic'], 50],
      [['Oromo'], 30],
      [['Tigrinya'], 20],
    ],
    regions: ['Addis Ababa', 'Oromia', 'Tigray', 'Amhara'],
    given: {
      male: list('Yonas, Abebe, Dawit, Mulugeta, Bereket, Tesfaye, Kaleb, Mikias, Natnael, Abel, Ermias'),
      female: list('Hiwot, Meron, Selamawit, Tigist, Bethlehem, Meskerem'),
    },
    family: list(
      'Gebremedhin, Tadesse, Bekele, Alemu, Girma, Haile, Wolde, Mekonnen, Assefa, Tesfaye, Negash',
    ),
    exploiterNames: ['Wedi'],
  },
  {
    nationality: 'EG',
    weight: 2.5,
    maleShare: 0.98,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.25,
    nrmRate: 0.85,
    atRiskRate: 0.35,
    missingRate: 0.23,
    ageDisputeRate: 0.3,
    basis: CLAIMED,
    routes: SMALL_BOAT,
    immigration: [
      [Leave.ASYLUM_CLAIM_PENDING, 55],
      [Leave.REFUSED_APPEAL_PENDING, 20],
      [Leave.NO_LEAVE, 10],
      [Leave.UASC_LEAVE, 15],
    ],
    exploitation: {
      male: [
        [[X.LABOUR], 45],
        [[X.UNKNOWN], 40],
        [[X.CRIMINAL_COUNTY_LINES], 10],
        [[X.CRIMINAL_THEFT], 5],
      ],
      female: LABOUR_IN_TRANSIT.female,
    },
    languages: [[['Arabic'], 1]],
    regions: list('Kafr el-Sheikh, Gharbia, Beheira, Alexandria, Dakahlia, Cairo'),
    given: {
      male: list(
        'Mohamed, Ahmed, Mahmoud, Youssef, Omar, Karim, Mostafa, Abdallah, Hossam, Islam, Ziad, Marwan',
      ),
      female: ['Mariam', 'Nour', 'Salma'],
    },
    family: list(
      'Abdelaziz, Mansour, El-Sayed, Hassan, Ibrahim, Fathy, Saleh, Farouk, Ramadan, Shehata, Gaber',
    ),
    exploiterNames: ['Abu Youssef'],
  },
  {
    nationality: 'RO',
    weight: 2.5,
    maleShare: 0.6,
    arrival: 'SEPARATED',
    traffickedRate: 0.78,
    nrmRate: 0.85,
    atRiskRate: 0.7,
    missingRate: 0.27,
    ageDisputeRate: 0.02,
    basis: [
      [Basis.DOCUMENTED, 70],
      [Basis.CLAIMED, 30],
    ],
    routes: [
      [Route.PORT_OF_ENTRY, 90],
      [Route.UNKNOWN, 10],
    ],
    immigration: [[Leave.EEA_NATIONAL, 1]],
    exploitation: {
      male: [
        [[X.CRIMINAL_BEGGING], 25],
        [[X.CRIMINAL_THEFT], 35],
        [[X.CRIMINAL_BEGGING, X.CRIMINAL_THEFT], 15],
        [[X.BENEFIT_FRAUD], 10],
        [[X.LABOUR], 10],
        [[X.UNKNOWN], 5],
      ],
      female: [
        [[X.SEXUAL], 40],
        [[X.CRIMINAL_BEGGING], 20],
        [[X.CRIMINAL_THEFT], 15],
        [[X.BENEFIT_FRAUD], 10],
        [[X.DOMESTIC_SERVITUDE], 10],
        [[X.UNKNOWN], 5],
      ],
    },
    languages: [
      [['Romanian'], 70],
      [['Romani', 'Romanian'], 30],
    ],
    regions: list('Bucharest, Constanța, Iași, Bacău, Craiova, Timiș, Tulcea'),
    given: {
      male: list(
        'Andrei, Mihai, Ionuț, Florin, Alexandru, Ștefan, Gabriel, Marian, Costel, Nicușor, Daniel, Vasile',
      ),
      female: list('Maria, Elena, Ioana, Andreea, Florentina, Roxana, Denisa, Alina'),
    },
    family: list(
      'Popescu, Lungu, Ionescu, Stan, Dumitru, Stoica, Constantin, Rădulescu, Căldăraru, Moldovan, Munteanu, Ștefănescu, Zamfir, Stănescu',
    ),
    exploiterNames: ['Fane', 'Gigel'],
  },
  {
    nationality: 'NG',
    weight: 2,
    maleShare: 0.3,
    arrival: 'SEPARATED',
    traffickedRate: 0.82,
    nrmRate: 0.92,
    atRiskRate: 0.6,
    missingRate: 0.2,
    ageDisputeRate: 0.1,
    basis: [
      [Basis.CLAIMED, 50],
      [Basis.DOCUMENTED, 30],
      [Basis.SUSPECTED, 20],
    ],
    routes: [
      [Route.PORT_OF_ENTRY, 75],
      [Route.CLANDESTINE_ENTRY, 5],
      [Route.UNKNOWN, 20],
    ],
    immigration: [
      [Leave.ASYLUM_CLAIM_PENDING, 35],
      [Leave.REFUSED_APPEAL_PENDING, 20],
      [Leave.DISCRETIONARY_LEAVE, 15],
      [Leave.NO_LEAVE, 15],
      [Leave.HUMANITARIAN_PROTECTION, 10],
      [Leave.REFUGEE_STATUS, 5],
    ],
    exploitation: {
      male: [
        [[X.LABOUR], 30],
        [[X.DOMESTIC_SERVITUDE], 25],
        [[X.BENEFIT_FRAUD], 15],
        [[X.CRIMINAL_COUNTY_LINES], 15],
        [[X.UNKNOWN], 15],
      ],
      female: [
        [[X.SEXUAL], 45],
        [[X.DOMESTIC_SERVITUDE], 35],
        [[X.SEXUAL, X.DOMESTIC_SERVITUDE], 10],
        [[X.BENEFIT_FRAUD], 5],
        [[X.UNKNOWN], 5],
      ],
    },
    languages: [
      [['English', 'Yoruba'], 35],
      [['English', 'Igbo'], 25],
      [['English', 'Edo'], 25],
      [['English'], 15],
    ],
    regions: list('Edo State, Lagos, Delta State, Anambra, Oyo, Imo'),
    given: {
      male: list('Emeka, Chinedu, Tunde, Samuel, Daniel, Godwin, Uche, Osagie, Femi, Kelechi'),
      female: list(
        'Blessing, Precious, Joy, Favour, Chiamaka, Adaeze, Esther, Gift, Osasere, Ifeoma, Funmilayo',
      ),
    },
    family: list(
      'Okoro, Adeyemi, Okonkwo, Eze, Adebayo, Okafor, Ogunleye, Nwosu, Obi, Bello, Osagie, Igbinedion, Omoregie',
    ),
    exploiterNames: ['Ada', 'Mama Joy', 'Sister'],
  },
  {
    nationality: 'SO',
    weight: 1.2,
    maleShare: 0.8,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.3,
    nrmRate: 0.85,
    atRiskRate: 0.35,
    missingRate: 0.2,
    ageDisputeRate: 0.25,
    basis: CLAIMED,
    routes: SMALL_BOAT,
    immigration: ASYLUM_GRANTED_OFTEN,
    exploitation: {
      male: [
        [[X.CRIMINAL_COUNTY_LINES], 30],
        [[X.LABOUR], 30],
        [[X.UNKNOWN], 40],
      ],
      female: [
        [[X.SEXUAL], 40],
        [[X.DOMESTIC_SERVITUDE], 30],
        [[X.UNKNOWN], 30],
      ],
    },
    languages: [
      [['Somali'], 85],
      [['Somali', 'Arabic'], 15],
    ],
    regions: ['Mogadishu', 'Jubaland', 'Puntland', 'Somaliland', 'Baidoa'],
    given: {
      male: list('Jamal, Abdi, Mohamed, Ahmed, Abdirahman, Hassan, Yusuf, Abdullahi, Mahad, Liban, Guled'),
      female: list('Hodan, Amina, Sahra, Fadumo, Ifrah, Hibaq'),
    },
    family: list('Abdi, Warsame, Farah, Mohamud, Hussein, Jama, Ali, Osman, Hassan, Nur, Egal, Adan'),
    exploiterNames: ['Big Man', 'Abti'],
  },
  {
    nationality: 'CN',
    weight: 1,
    maleShare: 0.6,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.8,
    nrmRate: 0.88,
    atRiskRate: 0.6,
    missingRate: 0.31,
    ageDisputeRate: 0.2,
    basis: CLAIMED,
    routes: [
      [Route.CLANDESTINE_ENTRY, 60],
      [Route.PORT_OF_ENTRY, 30],
      [Route.UNKNOWN, 10],
    ],
    immigration: [
      [Leave.ASYLUM_CLAIM_PENDING, 45],
      [Leave.REFUSED_APPEAL_PENDING, 25],
      [Leave.NO_LEAVE, 15],
      [Leave.DISCRETIONARY_LEAVE, 15],
    ],
    exploitation: {
      male: [
        [[X.CRIMINAL_CANNABIS_CULTIVATION], 35],
        [[X.LABOUR], 45],
        [[X.UNKNOWN], 20],
      ],
      female: [
        [[X.SEXUAL], 60],
        [[X.LABOUR], 25],
        [[X.DOMESTIC_SERVITUDE], 10],
        [[X.UNKNOWN], 5],
      ],
    },
    languages: [
      [['Mandarin'], 50],
      [['Fujianese', 'Mandarin'], 40],
      [['Cantonese'], 10],
    ],
    regions: ['Fujian', 'Guangdong', 'Zhejiang', 'Liaoning'],
    given: {
      male: list('Wei, Jun, Hao, Lei, Jian, Ming, Qiang, Tao, Zhiwei, Jianhua'),
      female: list('Mei, Xiu, Li, Yan, Hui, Fang, Jing'),
    },
    family: list('Wang, Li, Zhang, Liu, Chen, Lin, Huang, Zheng, Wu, Zhou, Xu'),
    exploiterNames: ['Tony', 'Ah Wei', 'Coco'],
    familyFirst: true,
  },
  {
    // Kuwaiti Bidoon: stateless, so no nationality is recorded; the region says where they are from
    nationality: null,
    weight: 1,
    maleShare: 0.9,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.15,
    nrmRate: 0.8,
    atRiskRate: 0.2,
    missingRate: 0.12,
    ageDisputeRate: 0.3,
    basis: [[null, 1]],
    routes: SMALL_BOAT,
    immigration: [
      [Leave.ASYLUM_CLAIM_PENDING, 40],
      [Leave.REFUGEE_STATUS, 40],
      [Leave.REFUSED_APPEAL_PENDING, 10],
      [Leave.HUMANITARIAN_PROTECTION, 10],
    ],
    exploitation: LABOUR_IN_TRANSIT,
    languages: [[['Arabic'], 1]],
    regions: ['Kuwait (Bidoon, stateless)'],
    given: {
      male: list('Abdullah, Fahad, Hamad, Nasser, Saad, Ali, Mubarak, Mishal'),
      female: ['Noura', 'Fatma', 'Hessa'],
    },
    family: list('Al-Enezi, Al-Shammari, Al-Dhafeeri, Al-Mutairi, Al-Fadhli, Al-Azmi'),
    exploiterNames: ['Abu Fahad'],
  },
  {
    // nationality not known: no documents, and no consistent account yet
    nationality: null,
    weight: 2.3,
    maleShare: 0.8,
    arrival: 'UNACCOMPANIED',
    traffickedRate: 0.4,
    nrmRate: 0.85,
    atRiskRate: 0.4,
    missingRate: 0.2,
    ageDisputeRate: 0.3,
    basis: [[null, 1]],
    routes: [
      [Route.UNKNOWN, 60],
      [Route.CLANDESTINE_ENTRY, 40],
    ],
    immigration: [
      [Leave.UNKNOWN, 60],
      [Leave.ASYLUM_CLAIM_PENDING, 40],
    ],
    exploitation: {
      male: [
        [[X.UNKNOWN], 70],
        [[X.LABOUR], 20],
        [[X.CRIMINAL_COUNTY_LINES], 10],
      ],
      female: [
        [[X.UNKNOWN], 60],
        [[X.SEXUAL], 30],
        [[X.DOMESTIC_SERVITUDE], 10],
      ],
    },
    languages: [
      [['Arabic'], 30],
      [['Kurdish (Sorani)'], 20],
      [['French'], 15],
      [['Tigrinya'], 10],
      [['Pashto'], 10],
      [[], 15],
    ],
    regions: [],
    given: {
      male: list('Hamid, Ali, Daniel, Samuel, Ibrahim, Musa, Amadou, Moussa, Joseph, Yaya'),
      female: ['Mariam', 'Grace', 'Fatou', 'Aminata', 'Ruth'],
    },
    family: null,
    exploiterNames: ['Boss', 'Uncle'],
  },
];

/** Spellings the same given name is recorded under by different agencies. */
export const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  Mohammed: ['Mohamed', 'Muhammad', 'Mohammad', 'Mohamad'],
  Mohamed: ['Mohammed', 'Muhammed'],
  Mohammad: ['Muhammad', 'Mohammed'],
  Ahmed: ['Ahmad', 'Ahmet'],
  Ahmad: ['Ahmed'],
  Yusuf: ['Youssef', 'Yousef', 'Yousif'],
  Yousif: ['Yusuf', 'Yousef'],
  Youssef: ['Yusuf', 'Yousef'],
  Osman: ['Othman', 'Usman'],
  Hussein: ['Hussain', 'Hossein'],
  Abdelrahman: ['Abdulrahman', 'Abdirahman'],
  Abdallah: ['Abdullah'],
  Abdullah: ['Abdallah', 'Abdulla'],
  Omer: ['Omar'],
  Omar: ['Omer', 'Umar'],
  Hamza: ['Hamzah'],
  Ibrahim: ['Ebrahim', 'Ibraheem'],
  Mustafa: ['Mostafa', 'Moustafa'],
  Dawit: ['Dawid', 'David'],
  Yonas: ['Yunus', 'Jonas'],
  Biniam: ['Biniyam'],
  Filmon: ['Philmon'],
  Senait: ['Senayt'],
  Ardit: ['Ardi'],
  Klajdi: ['Klaidi'],
  Xhoni: ['Joni'],
  Florian: ['Flori'],
  Arbër: ['Arber'],
  Gëzim: ['Gezim'],
  Ionuț: ['Ionut'],
  Ștefan: ['Stefan'],
  Karwan: ['Karvan'],
  Rebwar: ['Rebuar'],
  Hiwa: ['Hewa'],
  Sayed: ['Said', 'Sayyid'],
  Jawad: ['Javad'],
  Farid: ['Fareed'],
  Naveed: ['Navid'],
  Kayden: ['Kaden', 'Caden'],
  Jayden: ['Jaden'],
  Tyrese: ['Tyreece'],
};

export const ALIAS_SOURCES = {
  screening: ['Home Office screening', 'Border Force encounter record', 'Eurodac record'],
  custody: ['police custody record', 'police intelligence', 'previous local authority'],
  exploiters: ['name used by exploiters', 'phone contact list', 'nail bar employer', 'car wash employer'],
  documents: ['passport used on entry', 'false identity document', 'age dispute referral', 'school record'],
} as const;

/**
 * Relative weight of each authority's caseload, against a base by kind of authority: the ports of
 * entry and the cities where children are found or placed carry far more than the rest.
 */
export const AUTHORITY_WEIGHT: Readonly<Record<string, number>> = {
  E10000016: 14, // Kent: Dover and the small-boat arrivals
  E09000017: 8, // Hillingdon: Heathrow
  E09000008: 8, // Croydon: the Home Office's Lunar House
  E06000044: 4, // Portsmouth
  E08000003: 5, // Manchester
  E08000025: 6, // Birmingham
  S12000049: 5, // Glasgow
  W06000015: 3, // Cardiff
  ZT001: 3, // Belfast
  E10000012: 3, // Essex
  E10000014: 3, // Hampshire
  E10000017: 3, // Lancashire
  E08000035: 3, // Leeds
  E08000012: 3, // Liverpool
  E09000025: 3, // Newham
  E06000023: 2.5, // Bristol
  E08000039: 2.5, // Sheffield
  E09000022: 2.5, // Lambeth
  E09000028: 2.5, // Southwark
  E10000030: 2.5, // Surrey
  E06000034: 2.5, // Thurrock: the container port
  E06000010: 2, // Hull
  E06000045: 2, // Southampton
  E06000043: 2, // Brighton and Hove
  E08000021: 2, // Newcastle
  E06000018: 2, // Nottingham
  E06000016: 2, // Leicester
  E08000026: 2, // Coventry
  E09000012: 2, // Hackney
  E09000005: 2, // Brent
  E09000014: 2, // Haringey
  E09000010: 2, // Enfield
  E09000030: 2, // Tower Hamlets
  E09000033: 2, // Westminster
  E09000018: 2, // Hounslow
  S12000036: 2, // Edinburgh
  W06000011: 1.5, // Swansea
  W06000022: 1.5, // Newport
  E06000053: 0.02, // Isles of Scilly
  E09000001: 0.2, // City of London
  E06000017: 0.2, // Rutland
  S12000023: 0.05, // Orkney
  S12000027: 0.05, // Shetland
  S12000013: 0.05, // Na h-Eileanan Siar
};

/** Where unaccompanied children arrive or are found: a far larger share of them than elsewhere. */
export const GATEWAYS: ReadonlySet<string> = new Set(
  list(
    'E10000016, E09000017, E09000008, E06000044, E08000003, E08000025, S12000049, W06000015, ZT001, E06000034, E06000045, E06000010',
  ),
);

/** Names of staff: social workers, managers, guardians, the police and health staff at meetings. */
export const STAFF_GIVEN = list(
  'Sam, Priya, Tom, Grace, Morag, Iain, Rhys, Carys, Niamh, Declan, Alex, Fatima, Eilidh, Siobhan, James, Aisha, Hannah, Daniel, Olivia, Mohammed, Chloe, David, Amara, Ruth, Gareth, Sinead, Kwame, Joanne, Marek, Zainab, Helen, Callum, Nadia, Peter, Yasmin, Laura, Owen, Bethan, Ciaran, Femi, Sarah, Imran, Kirsty, Andrew, Rosa',
);
export const STAFF_FAMILY = list(
  'Okafor, Shah, Hughes, Mensah, Campbell, Fraser, Evans, Jones, Kelly, Murphy, Turner, Begum, Ross, Quinn, Patel, Wilson, Ahmed, Clarke, Nowak, Edwards, MacLeod, Doherty, Osei, Richards, Khan, Thomas, Gallagher, Adeyemi, Walsh, Lewis, Robertson, Hussain, Price, Byrne, Henderson, Chowdhury, Baker, Sutherland, Bennett, Nolan',
);

/** Who provides each type of placement; `{la}` is the placing authority's name. */
export const PLACEMENT_PROVIDERS: Readonly<Record<PlacementType, readonly string[]>> = {
  FOSTER_CARE: [
    '{la} fostering service',
    'Foster Care Associates',
    'TACT',
    'National Fostering Agency',
    'Capstone Foster Care',
    'Compass Fostering',
  ],
  SPECIALIST_FOSTER_CARE: [
    "Barnardo's specialist fostering",
    'Capstone specialist carers (trafficking)',
    'Action for Children specialist foster care',
  ],
  KINSHIP_CARE: ['Kinship carer (aunt)', 'Kinship carer (grandparent)', 'Kinship carer (family friend)'],
  RESIDENTIAL_CHILDRENS_HOME: [
    '{la} children’s home',
    'Keys Group',
    'Witherslack Group',
    'Horizon Care',
    'Outcomes First Group',
  ],
  SECURE_CHILDRENS_HOME: [
    'Aldine House',
    'Clayfields House',
    'Lincolnshire Secure Unit',
    'Kibble Safe Centre',
  ],
  SUPPORTED_ACCOMMODATION: [
    'Depaul UK',
    'YMCA',
    'Centrepoint',
    'Look Ahead',
    'St Basils',
    'Supported lodgings',
  ],
  SPECIALIST_SAFE_ACCOMMODATION: [
    'Safe house (The Salvation Army)',
    "Specialist safe house (Barnardo's)",
    'Hope for Justice safe accommodation',
  ],
  INDEPENDENT_LIVING: ['Council tenancy', 'Staying put arrangement', 'Independent flat (leaving care team)'],
  BED_AND_BREAKFAST: ['Guest house (emergency)', 'Budget hotel (emergency)', 'B&B (out of hours)'],
  ADULT_ASYLUM_ACCOMMODATION: [
    'Home Office contingency hotel',
    'Initial asylum accommodation',
    'Asylum dispersal accommodation',
  ],
  IMMIGRATION_DETENTION: ['Tinsley House IRC', 'Harmondsworth IRC', 'Dungavel House IRC'],
  CUSTODY: ['HMP YOI Feltham', 'HMP YOI Cookham Wood', 'HMYOI Wetherby', 'HMP YOI Polmont', 'Hydebank Wood'],
  HOSPITAL: ['{la} general hospital (paediatric ward)', 'Adolescent mental health unit'],
  OTHER: ["Friend's address (agreed)", 'Emergency duty team placement'],
};

/** Placement types by how a child came into care; unsafe types are rare and mostly short. */
export const PLACEMENT_TYPES: Record<'UASC' | 'UK', Weighted<PlacementType>> = {
  UASC: [
    [PlacementType.SUPPORTED_ACCOMMODATION, 34],
    [PlacementType.FOSTER_CARE, 30],
    [PlacementType.RESIDENTIAL_CHILDRENS_HOME, 9],
    [PlacementType.SPECIALIST_FOSTER_CARE, 5],
    [PlacementType.SPECIALIST_SAFE_ACCOMMODATION, 4],
    [PlacementType.INDEPENDENT_LIVING, 6],
    [PlacementType.KINSHIP_CARE, 2],
    [PlacementType.BED_AND_BREAKFAST, 1.2],
    [PlacementType.ADULT_ASYLUM_ACCOMMODATION, 1.5],
    [PlacementType.IMMIGRATION_DETENTION, 0.2],
    [PlacementType.CUSTODY, 1],
    [PlacementType.HOSPITAL, 0.6],
    [PlacementType.OTHER, 1],
  ],
  UK: [
    [PlacementType.FOSTER_CARE, 40],
    [PlacementType.RESIDENTIAL_CHILDRENS_HOME, 24],
    [PlacementType.KINSHIP_CARE, 8],
    [PlacementType.SUPPORTED_ACCOMMODATION, 10],
    [PlacementType.SPECIALIST_FOSTER_CARE, 4],
    [PlacementType.SECURE_CHILDRENS_HOME, 3],
    [PlacementType.CUSTODY, 3],
    [PlacementType.HOSPITAL, 1.5],
    [PlacementType.INDEPENDENT_LIVING, 2],
    [PlacementType.SPECIALIST_SAFE_ACCOMMODATION, 1],
    [PlacementType.BED_AND_BREAKFAST, 0.8],
    [PlacementType.OTHER, 2],
  ],
};

export const STREETS = list(
  'Station Road, High Street, Church Lane, Mill Lane, Victoria Road, Park Avenue, Queen Street, Albert Road, London Road, Green Lane, Manor Road, Kings Road, New Street, The Crescent, Orchard Close, Springfield Road, Heol y Parc, Brae Street, Glen Road, Meadow View',
);

export const LAST_SEEN_LOCATIONS = [
  'Outside the placement',
  'Town centre',
  'Railway station',
  'Bus station',
  'College gates',
  'Shopping centre',
  'Local park',
  'Fast-food restaurant near the placement',
  'Corner shop',
  'On a train towards London',
  'Car park behind the placement',
  'Mosque after Friday prayers',
  'Church after the evening service',
] as const;
export const LAST_SEEN_WITH = [
  'Alone',
  'Unknown adult males',
  'Older peers',
  'Friends from college',
  'A man in a grey car',
  'Two young men on mopeds',
  'A woman who said she was an aunt',
  'Other residents of the placement',
  'A man the child called "uncle"',
] as const;
export const CIRCUMSTANCES = [
  'Left after a phone call',
  'Did not return from college',
  'Climbed out of a window at night',
  'Left with a bag of belongings',
  'Went to meet friends and did not return by curfew',
  'Received several calls from withheld numbers before leaving',
  'Left after an argument with a carer',
  'Collected by a car outside the placement',
] as const;
export const WHERE_FOUND = [
  'Returned to placement',
  'Found in London',
  'Found in Birmingham',
  'Found in Manchester',
  'Found at a cannabis farm during a police raid',
  "Found at a friend's address",
  'Arrested in another county (county lines)',
  'Found at a nail bar',
  'Found at a car wash',
  'Found at the railway station',
  'Presented at a police station',
  'Found at a takeaway where he was working',
] as const;
export const INTERVIEWERS = [
  'Independent return interview service',
  "Barnardo's",
  "The Children's Society",
  'Missing People',
  'Catch22',
  "St Christopher's",
  'Safer London',
  'NSPCC',
] as const;
export const FINDINGS = [
  'Disclosed being driven to another town by older males to sell drugs',
  'Went to stay with friends; no exploitation disclosed',
  'Contacted by people he owes money for the journey; afraid for his family',
  'Worked in a nail bar for cash; was told not to speak to anyone',
  'Was given a phone and told to keep it on at all times',
  'Stayed at an address he could not name; would not say who he was with',
  'Said "they know where my family lives" and would say no more',
  'Went to the coast to look for his cousin\nShared with the police and the guardian',
  'Tended plants in a locked house for several days; shown the way out when police arrived',
  'Met a boyfriend much older than her; referred to the CSE team',
  'Visited family friends; placement was unaware; safety plan updated',
] as const;

export const AGE_DISPUTE_REASONS = [
  'Physical appearance and demeanour at screening',
  'No documents; claimed age doubted on arrest',
  'Inconsistent account of schooling and family history',
  'Claimed date of birth differs from a Eurodac record',
  'Assessed as over 18 at the Home Office screening interview',
  'Referred by a college concerned about age',
] as const;
/** Who disputes a claimed age: the API's `Agency` (a local authority's dispute is children's services'; the National Age Assessment Board is the Home Office's). */
export const AGE_DISPUTE_RAISED_BY: Weighted<Agency> = [
  [Agency.HOME_OFFICE, 48],
  [Agency.CHILDRENS_SERVICES, 30],
  [Agency.POLICE, 10],
  [Agency.BORDER_FORCE, 12],
];
export const CHALLENGE_NOTES = [
  "Judicial review lodged by the young person's solicitor",
  'Challenged: the Merton safeguards are disputed',
  'Fresh evidence: a birth certificate obtained from the family',
] as const;

export const CONTACT_SUMMARIES = [
  'Weekly visit; talked about college and the asylum interview',
  'Accompanied to the solicitor',
  'Phone call after a missing episode; agreed a safety plan',
  'Went with the young person to the NRM interview',
  'Checked in by message; no concerns',
  'Explained the age assessment process and rights',
  'Visit with an interpreter; discussed contact with family abroad',
  'Attended the looked-after review together',
] as const;

export const DURABLE_BASIS: Readonly<Record<string, readonly string[]>> = {
  INTEGRATION_IN_UK: ['Refugee status granted', 'Humanitarian protection granted', 'Limited leave to remain'],
  FAMILY_REUNIFICATION_IN_UK: [
    'Reunited with an uncle in the UK',
    'Reunited with an older sibling in the UK',
  ],
  FAMILY_REUNIFICATION_ABROAD: ['Reunited with parents through the Red Cross tracing service'],
  RETURN_TO_COUNTRY_OF_ORIGIN: ['Assisted return with reintegration support'],
  RESETTLEMENT_THIRD_COUNTRY: ['Resettled with family in a third country'],
};

export const MEETING_DECISIONS = [
  'Safety plan reviewed; return interview findings shared with police',
  'Refer to the NRM; strategy discussion to follow',
  'Move to a specialist placement out of area',
  'Disruption plan agreed with the police against the adults involved',
  'Guardian to attend the next review; no further action now',
  'Missing-person profile updated and shared',
] as const;
export const MEETING_ACTIONS = [
  'Map addresses of concern with the police',
  'Brief carers on the grab pack',
  'Update the missing-person profile',
  'Request the return interview report',
  'Complete the NRM referral',
  'Arrange an interpreter for the next visit',
  'Share intelligence with the county lines task force',
  'Review the placement with the provider',
] as const;
export const CANCELLATION_REASONS = [
  'Chair unavailable',
  'Rescheduled at police request',
  'Quorum not met',
  'Merged with the strategy discussion',
  'Child moved out of area',
] as const;
export const NGO_NAMES = [
  'ECPAT UK',
  "The Children's Society",
  "Barnardo's",
  'Refugee Council',
  'Missing People',
];

// ---------------------------------------------------------------------------------------------
// How often things happen: the distributions the generator draws from.

type Arrival = NationalityProfile['arrival'];

/** Weights of the ages 12 to 17 at registration. */
function fromTwelve(...weights: number[]): Weighted<number> {
  return weights.map((weight, i) => [12 + i, weight] as const);
}

/** Unaccompanied children are mostly 16 or 17 when they arrive; children from the UK come younger. */
export const AGE_AT_REGISTRATION: Record<Arrival, Weighted<number>> = {
  UNACCOMPANIED: fromTwelve(2, 4, 10, 20, 32, 32),
  SEPARATED: fromTwelve(8, 12, 18, 22, 22, 18),
  INTERNAL: fromTwelve(8, 14, 22, 24, 20, 12),
};

export const ALIAS_COUNT: Weighted<number> = [
  [0, 45],
  [1, 30],
  [2, 17],
  [3, 8],
];

export const AGE_OUTCOMES: Weighted<AgeAssessmentOutcome> = [
  [AgeAssessmentOutcome.CLAIMED_AGE_ACCEPTED, 35],
  [AgeAssessmentOutcome.ASSESSED_OLDER_STILL_CHILD, 30],
  [AgeAssessmentOutcome.ASSESSED_ADULT, 28],
  [AgeAssessmentOutcome.ASSESSED_YOUNGER, 7],
];

const CLOSED_BEFORE_18_AFTER_ARRIVAL: Weighted<CaseClosureReason> = [
  [CaseClosureReason.TRANSFERRED, 60],
  [CaseClosureReason.RETURNED_TO_FAMILY, 25],
  [CaseClosureReason.OTHER, 14],
  [CaseClosureReason.DIED, 1],
];

/** Why a case closes before 18: UK children mostly go home, others move to another authority. */
export const EARLY_CLOSURE: Record<Arrival, Weighted<CaseClosureReason>> = {
  INTERNAL: [
    [CaseClosureReason.RETURNED_TO_FAMILY, 70],
    [CaseClosureReason.TRANSFERRED, 20],
    [CaseClosureReason.OTHER, 9],
    [CaseClosureReason.DIED, 1],
  ],
  UNACCOMPANIED: CLOSED_BEFORE_18_AFTER_ARRIVAL,
  SEPARATED: CLOSED_BEFORE_18_AFTER_ARRIVAL,
};

/** Placements per child: about three on average, a long tail of many moves. */
export const PLACEMENT_COUNT: Weighted<number> = [
  [1, 30],
  [2, 24],
  [3, 18],
  [4, 11],
  [5, 7],
  [6, 4],
  [7, 3],
  [8, 2],
  [10, 2],
  [13, 1.2],
  [18, 0.6],
  [25, 0.25],
];

/** Why a placement ends when the child moves on (a move after going missing is set separately). */
export const PLACEMENT_MOVES: Weighted<PlacementEndReason> = [
  [PlacementEndReason.PLANNED_MOVE, 60],
  [PlacementEndReason.PLACEMENT_BREAKDOWN, 32],
  [PlacementEndReason.OTHER, 8],
];

export const FOUND_BY: Weighted<FoundBy> = [
  [FoundBy.SELF_RETURNED, 45],
  [FoundBy.POLICE, 35],
  [FoundBy.CARER, 15],
  [FoundBy.OTHER, 5],
];

export const POLICE_RISK: Weighted<PoliceRiskLevel> = [
  [PoliceRiskLevel.HIGH, 20],
  [PoliceRiskLevel.MEDIUM, 50],
  [PoliceRiskLevel.LOW, 25],
  [PoliceRiskLevel.NO_APPARENT_RISK, 5],
];

export const REASONABLE_GROUNDS: Weighted<NrmDecision> = [
  [NrmDecision.POSITIVE, 88],
  [NrmDecision.NEGATIVE, 8],
  [NrmDecision.WITHDRAWN, 2],
  [NrmDecision.SUSPENDED, 2],
];

export const CONCLUSIVE_GROUNDS: Weighted<NrmDecision> = [
  [NrmDecision.POSITIVE, 85],
  [NrmDecision.NEGATIVE, 10],
  [NrmDecision.WITHDRAWN, 4],
  [NrmDecision.SUSPENDED, 1],
];

const ARRIVED_FIRST_RESPONDERS: Weighted<Agency> = [
  [Agency.CHILDRENS_SERVICES, 40],
  [Agency.HOME_OFFICE, 30],
  [Agency.BORDER_FORCE, 15],
  [Agency.POLICE, 10],
  [Agency.NGO, 5],
];

/** Who refers a child into the NRM: the police and children's services for UK children. */
export const FIRST_RESPONDERS: Record<Arrival, Weighted<Agency>> = {
  INTERNAL: [
    [Agency.CHILDRENS_SERVICES, 50],
    [Agency.POLICE, 40],
    [Agency.NGO, 5],
    [Agency.YOUTH_JUSTICE, 5],
  ],
  UNACCOMPANIED: ARRIVED_FIRST_RESPONDERS,
  SEPARATED: ARRIVED_FIRST_RESPONDERS,
};

/** Nationalities for whom a return to the country of origin is more often the assessed solution. */
export const RETURNS_LIKELY: ReadonlySet<string> = new Set(['AL', 'VN', 'RO', 'NG', 'CN']);

const durableOptions = (returns: number): Weighted<DurableSolutionOption> => [
  [DurableSolutionOption.INTEGRATION_IN_UK, 72],
  [DurableSolutionOption.FAMILY_REUNIFICATION_IN_UK, 8],
  [DurableSolutionOption.FAMILY_REUNIFICATION_ABROAD, 5],
  [DurableSolutionOption.RETURN_TO_COUNTRY_OF_ORIGIN, returns],
  [DurableSolutionOption.RESETTLEMENT_THIRD_COUNTRY, 2],
];

export const DURABLE_OPTIONS = { likely: durableOptions(15), rare: durableOptions(3) };

export const DURABLE_OUTCOMES: Weighted<DurableSolutionStatus> = [
  [DurableSolutionStatus.SECURED, 55],
  [DurableSolutionStatus.IN_PROGRESS, 25],
  [DurableSolutionStatus.ABANDONED, 20],
];

export const CONTACT_MODES: Weighted<ContactMode> = [
  [ContactMode.IN_PERSON, 55],
  [ContactMode.PHONE, 25],
  [ContactMode.MESSAGE, 12],
  [ContactMode.VIDEO, 8],
];

export const MEETING_TYPES: Weighted<MeetingType> = [
  [MeetingType.LOOKED_AFTER_REVIEW, 28],
  [MeetingType.STRATEGY_DISCUSSION, 24],
  [MeetingType.CHILD_EXPLOITATION, 16],
  [MeetingType.MISSING_REVIEW, 14],
  [MeetingType.BEST_INTERESTS, 8],
  [MeetingType.LSCB_SUBGROUP, 5],
  [MeetingType.OTHER, 5],
];

/** The agencies at a meeting besides children's services, which chairs and brings the social worker. */
export const MEETING_AGENCIES: Weighted<Agency> = [
  [Agency.POLICE, 30],
  [Agency.HEALTH, 15],
  [Agency.EDUCATION, 15],
  [Agency.GUARDIANSHIP_SERVICE, 12],
  [Agency.NGO, 8],
  [Agency.YOUTH_JUSTICE, 8],
  [Agency.BORDER_FORCE, 4],
  [Agency.HOME_OFFICE, 4],
  [Agency.OTHER, 4],
];

export const AGENCY_ROLES: Partial<Record<Agency, readonly string[]>> = {
  POLICE: ['Missing persons coordinator', 'Child exploitation team', 'Modern slavery lead'],
  HEALTH: ['Designated nurse for looked-after children', 'School nurse', 'CAMHS practitioner'],
  EDUCATION: ['Virtual school head', 'Designated safeguarding lead'],
  GUARDIANSHIP_SERVICE: ['Independent guardian'],
  NGO: NGO_NAMES,
  YOUTH_JUSTICE: ['Youth offending team'],
  BORDER_FORCE: ['Safeguarding and modern slavery team'],
  HOME_OFFICE: ['UASC casework'],
};
