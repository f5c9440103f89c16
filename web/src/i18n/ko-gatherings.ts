import type { enGatherings } from './en-gatherings';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** 회의·대회·강습 화면의 한국어 문구: en-gatherings.ts와 같은 키를 가집니다(타입으로 검사). */
export const koGatherings: Shape<typeof enGatherings> = {
  gatheringKind: { meeting: '회의', enlarged: '확대회의', conference: '대회', course: '강습' },
  gatheringStatus: { draft: '아직 안 보냄', sent: '초대 보냄', cancelled: '취소됨' },
  attendanceStatus: { present: '출석', excused: '사유 결석', absent: '결석' },
  gatherings: {
    link: '회의', heading: '회의', titleOf: '{{unit}}의 회의', gathering: '회의',
    new: '회의 일정 잡기', view: '보기 방식', asList: '목록', asMonth: '월별',
    upcoming: '예정', noUpcoming: '잡힌 일정이 없습니다.', past: '지난 회의', noPast: '지난 회의가 없습니다.',
    invitedCount_one: '{{n}}명 초대', invitedCount_other: '{{n}}명 초대', held: '열림',
    previousMonth: '‹ 이전 달', nextMonth: '다음 달 ›', calendarCaption: '{{month}}의 날짜별 회의', inMonth: '{{month}}의 회의', noneInMonth: '{{month}}에는 회의가 없습니다.',
    scheduleTitle: '{{unit}}의 회의 일정 잡기',
    scheduleExplain: '아직 아무도 초대되지 않습니다. 준비가 되면 회의 화면에서 초대를 보내세요.',
    kind: '종류', title: '제목', startsAt: '시작', endsAt: '끝', place: '장소', placeOptional: '장소 (선택)', online: '온라인',
    onlineUrl: '온라인 링크 (선택)', onlineUrlHint: '화상 회의 주소, 예: https://meet.example.org/cell-7',
    agendaLines: '안건 (선택)', agendaLinesHint: '한 줄에 안건 하나. 나중에 더 넣을 수 있습니다.',
    invitees: '초대 대상', ruleMembers: '{{unit}}의 구성원',
    ruleOfficials: '{{unit}}와(과) 그 아래 모든 조직의 간부', ruleSecretaries: '{{unit}}보다 한 단계 아래 조직들의 비서',
    level: '단계', inviteesExplain: '초대 대상은 초대를 보낼 때 정해지고 그대로 남습니다. 나중에 소속이 바뀌어도 초대 명단은 바뀌지 않습니다.',
    sessions: '회차', sessionsExplain: '강습은 여러 번 모이며 출석은 회차마다 받습니다. 모든 회차는 강습 기간 안에 있어야 합니다.',
    sessionTitle: '{{n}}회차: 제목 (선택)', sessionStarts: '{{n}}회차: 시작', sessionEnds: '{{n}}회차: 끝',
    removeSession: '{{n}}회차 삭제', addSession: '회차 추가', sessionN: '{{n}}회차', schedule: '일정 잡기',
    when: '일시', ruleMembersShort: '조직의 구성원', ruleOfficialsShort: '조직과 그 아래 모든 조직의 간부',
    ruleSecretariesShort: '조직 아래 모든 {{level}}의 비서',
    send: '초대 보내기…', sendTitle: '“{{title}}” 초대를 보낼까요?', sendConfirm: '초대 보내기',
    sendExplain: '지금 이 기준으로 초대 대상을 정해 남깁니다. 각자에게 일정 파일이 붙은 이메일이 갑니다.',
    sent_one: '{{n}}명을 초대했습니다.', sent_other: '{{n}}명을 초대했습니다.',
    checkinCode: '출석 확인 번호', checkinCodeExplain: '회의에서 보여 주거나 불러 주세요. 참석자는 휴대폰에서 이 번호로 직접 출석을 확인합니다.',
    attendanceAfterSending: '출석은 초대를 보낸 뒤에 받습니다.',
  },
  attendance: {
    heading: '출석', session: '회차', counts: '지금까지의 출석', unmarked: '미확인', rate: '출석률', percent: '{{n}}%',
    failed: '{{name}}의 출석 표시가 저장되지 않아 되돌렸습니다:', filter: '초대받은 사람 찾기', nobody: '초대받은 사람이 없습니다.',
    moreInvitees: '초대받은 사람 더 보기 ({{total}}명 중 {{shown}}명 표시)',
  },
  rsvp: {
    heading: '나의 초대', question: '{{title}}에 참석하시나요?', yes: '참석합니다', maybe: '아직 모름', no: '참석할 수 없습니다',
    said: { yes: '답변: 참석', maybe: '답변: 아직 모름', no: '답변: 불참' },
  },
  checkIn: {
    session: '참석한 회차', code: '출석 확인 번호', hint: '회의에서 알려 준 여섯 자리 숫자입니다.', submit: '출석 확인',
    present: '출석으로 표시되었습니다.', presentAtSessions: '{{sessions}}회차에 출석으로 표시되었습니다.',
  },
  minutes: {
    agenda: '안건과 회의록', noAgenda: '아직 안건이 없습니다.', none: '아직 회의록이 없습니다.', of: '{{n}}번 안건 회의록: {{title}}',
    save: '{{n}}번 안건 회의록 저장', unsaved: '아직 저장 안 됨', saved: '저장됨', newItem: '새 안건', addItem: '안건에 추가',
  },
  decisions: {
    heading: '결정', none: '아직 기록된 결정이 없습니다.', onItem: '{{n}}번 안건: {{title}}',
    votes: '찬성 {{for}}, 반대 {{against}}, 기권 {{abstain}}', noVote: '표결 없음',
    directive: '관련 지시', makeDirective: '지시로 만들기',
    record: '결정 기록', text: '결정 내용', agendaItem: '안건 (선택)', noItem: '없음',
    voted: '표결을 했음', for: '찬성', against: '반대', abstain: '기권', submit: '결정 기록',
  },
  review: {
    heading: '대상 조직 검토', summary: '{{covered}}개 조직 중 {{represented}}개 조직이 참석했습니다.', none: '초대받은 사람이 없습니다.',
    unit: '조직', represented: '참석', present: '출석', cadence: '정기 회의', lastMet: '마지막 회의', meetingsHeld: '연 회의',
    attendanceRate: '출석률', yes: '예', no: '아니요', presentOf: '{{invited}}명 중 {{present}}명',
    tasks: '이 대회가 정한 과업', noDirective: '아직 지시 없음',
  },
  cadence: {
    heading: '정기 회의', none: '정기 회의 주기가 없습니다.', every_one: '매일 회의', every_other: '{{n}}일마다 회의',
    lastMet: '마지막 회의 {{date}}', missedSince: '놓침: {{date}}까지였음',
    everyDays: '회의 주기 (…일마다)', hint: '한 달은 30일입니다. 회의를 놓치면 여기와 모든 상위 조직에 표시됩니다.',
    save: '주기 저장', remove: '정기 회의 없음', saved: '저장했습니다.',
  },
  meetings: {
    link: '회의 통계', heading: '회의 통계', titleOf: '{{unit}}의 회의 통계', subtree: '이 조직과 그 아래 모든 조직',
    held: '연 회의', heldShort: '회의', rateShort: '출석률', withCadence: '주기가 있는 조직', missedCount: '지난 회의를 놓친 조직', missed: '놓침',
    explain: '이 조직과 그 아래 모든 조직을 셉니다. 출석률은 출석이 표시된 사람 중 출석한 사람의 비율이고, “놓침”은 주기가 있는 조직 중 지난 회의를 놓친 조직 수입니다.',
    ownCadence: '이 조직', children: '바로 아래 조직', missedOf: '놓침', missedOfValue: '{{of}}개 중 {{missed}}개',
    chartHeading: '조직별 출석률', chartCaption: '바로 아래 조직들의 출석률 (퍼센트)',
    noAttendance: '아래 조직에 아직 출석 표시가 없습니다.', noChildren: '아래 조직이 없습니다.',
  },
  myGatherings: {
    link: '나의 회의', title: '나의 회의', titleOf: '{{name}}의 회의',
    calendar: '내 달력에 추가', addToCalendar: '내 달력 주소 보기',
    calendarExplain: '휴대폰이나 컴퓨터의 달력 앱에 회의가 나타나고 저절로 갱신됩니다.',
    address: '내 달력 주소', copy: '주소 복사', openInApp: '달력 앱에서 열기', copied: '복사했습니다.',
    copyFailed: '복사하지 못했습니다. 주소가 선택되어 있으니 직접 복사하세요.',
    howTo: '달력 앱에서 구독하세요. 휴대폰에서는 "달력 앱에서 열기"를 누르면 됩니다(webcal 주소). Google 캘린더에서는 "다른 캘린더 → URL로 추가", Outlook에서는 "캘린더 추가 → 웹에서 구독"을 쓰세요. 달력 앱은 몇 시간마다 다시 확인합니다.',
    secret: '이 주소는 혼자만 알고 계세요. 주소를 가진 사람은 누구나 나의 회의를 볼 수 있습니다.',
  },
};
