import { ExploitationType, NrmCategory, nrmCategories } from './child.enums';

describe('nrmCategories', () => {
  it('files criminal exploitation under labour', () => {
    expect(nrmCategories([ExploitationType.CRIMINAL_COUNTY_LINES, ExploitationType.BENEFIT_FRAUD])).toEqual([
      NrmCategory.LABOUR,
    ]);
  });

  it('keeps every distinct category', () => {
    expect(nrmCategories([ExploitationType.SEXUAL, ExploitationType.CRIMINAL_THEFT]).sort()).toEqual([
      NrmCategory.LABOUR,
      NrmCategory.SEXUAL,
    ]);
  });

  it('says NOT_RECORDED when nothing, or only UNKNOWN, is recorded', () => {
    expect(nrmCategories([])).toEqual([NrmCategory.NOT_RECORDED]);
    expect(nrmCategories([ExploitationType.UNKNOWN])).toEqual([NrmCategory.NOT_RECORDED]);
    expect(nrmCategories([ExploitationType.UNKNOWN, ExploitationType.DOMESTIC_SERVITUDE])).toEqual([
      NrmCategory.DOMESTIC_SERVITUDE,
    ]);
  });
});
