import type { enHonesty } from './en-honesty';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** 이슈 14의 한국어 문구: ko.ts에 펼쳐 넣는다. */
export const koHonesty: Texts<typeof enHonesty> = {
  honesty: {
    attendanceOpensAt: '출석은 모임이 시작될 때 열립니다: {{date}}. 초대받은 사람은 {{checkIn}}부터 출석 확인 번호로 출석할 수 있습니다.',
    notApplicable: '항목 {{n}}은(는) 이 단위에 해당하지 않음',
    notApplicableReason: '항목 {{n}}: 해당하지 않는 이유 (발령 단위가 읽습니다)',
    notApplicableShown: '해당 없음: {{reason}}',
    doneTitle: '작업을 완료로 표시할까요?',
    doneExplain: '발령 단위는 이 단위를 완료로 집계합니다. 나중에 작업을 다시 열 수 있습니다.',
    doneNote: '한 일 (발령 단위가 읽습니다)',
    doneConfirm: '완료로 표시',
    doneMissing: '먼저 모든 항목을 보고하세요 (해당하지 않는 항목은 이유와 함께 해당 없음으로 보고). 보고가 없는 항목:',
    doneMissingItem: '항목 {{n}}: {{title}}',
    state: '상태', reportedProgress: '보고된 진척', notAcknowledged: '접수 확인 안 함',
    childState: '{{state}} · 보고 {{reported}}',
  },
};

